using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Partitions the fleet's servers into replica groups by identity: servers reporting the same product name are one
/// group, and a <c>replicaOf</c> declaration (the snapshot item's <c>ReplicaOf</c> metadata, which wins, or
/// <c>servers.{name}.replicaOf</c> in mcpfleet.json) joins a server's group with the named server's. A server that
/// reports no product name is a group of its own unless declared. Declarations that name no server of the fleet are
/// reported (MCPF0110) and ignored.
/// </summary>
internal static class ReplicaGroups
{
    /// <param name="servers">The fleet's servers, in ordinal order of their names.</param>
    /// <param name="policy">The policy, for its <c>replicaOf</c> declarations.</param>
    /// <param name="diagnostics">Receives declarations without effect.</param>
    /// <returns>Each server's group, by server name.</returns>
    public static Dictionary<string, ReplicaGroup> Resolve(IReadOnlyList<ServerSpec> servers, FleetPolicy policy, List<DiagnosticInfo> diagnostics)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < servers.Count; i++)
        {
            index[servers[i].Name] = i;
        }

        var parents = Enumerable.Range(0, servers.Count).ToArray();
        var byProduct = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i].Product is { } product)
            {
                if (byProduct.TryGetValue(product, out var first))
                {
                    Union(parents, first, i);
                }
                else
                {
                    byProduct.Add(product, i);
                }
            }
        }

        var declared = new HashSet<int>();
        foreach (var declaration in Declarations(servers, policy))
        {
            var problem = !index.TryGetValue(declaration.ServerName, out var server)
                ? $"no server of the fleet is named '{declaration.ServerName}'"
                : !index.TryGetValue(declaration.ReplicaOf, out var replicaOf)
                    ? $"no server of the fleet is named '{declaration.ReplicaOf}'"
                    : replicaOf == server ? "a server cannot be a replica of itself" : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.PolicyRuleUnused, declaration.Location, declaration.Origin, $"the replicaOf of server '{declaration.ServerName}'", problem));
                continue;
            }

            Union(parents, server, index[declaration.ReplicaOf]);
            declared.Add(server);
        }

        var groups = new Dictionary<string, ReplicaGroup>(StringComparer.Ordinal);
        foreach (var members in Enumerable.Range(0, servers.Count).GroupBy(i => Find(parents, i)))
        {
            var group = new ReplicaGroup(
                members.Select(i => servers[i].Product).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList(),
                members.Select(i => servers[i].Name).OrderBy(n => n, StringComparer.Ordinal).ToList(),
                members.Any(declared.Contains));
            foreach (var i in members)
            {
                groups[servers[i].Name] = group;
            }
        }

        return groups;
    }

    /// <summary>The declarations that apply: a snapshot's metadata, else the policy file's entry for that server.</summary>
    private static IEnumerable<ReplicaDeclarationSpec> Declarations(IReadOnlyList<ServerSpec> servers, FleetPolicy policy)
    {
        var fromMetadata = servers
            .Where(server => server.ReplicaOf is not null)
            .Select(server => new ReplicaDeclarationSpec(
                server.Name, server.ReplicaOf!, $"from the ReplicaOf metadata of snapshot '{Path.GetFileName(server.FilePath)}'", server.NameLocation))
            .ToList();
        var overridden = new HashSet<string>(fromMetadata.Select(d => d.ServerName), StringComparer.Ordinal);
        return fromMetadata.Concat(policy.Replicas.Where(d => !overridden.Contains(d.ServerName))).OrderBy(d => d.ServerName, StringComparer.Ordinal);
    }

    private static int Find(int[] parents, int i)
    {
        while (parents[i] != i)
        {
            parents[i] = parents[parents[i]];
            i = parents[i];
        }

        return i;
    }

    private static void Union(int[] parents, int a, int b)
    {
        var (rootA, rootB) = (Find(parents, a), Find(parents, b));
        if (rootA != rootB)
        {
            // The root is the server first in ordinal order, so a group's identity does not depend on the order of union.
            parents[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}
