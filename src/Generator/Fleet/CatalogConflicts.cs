using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Compares the prompts, resources and resource templates that several servers of one product share by name or URI,
/// classified like tools. No code is generated for them yet, so a difference is only reported (a warning and a report
/// line); different products sharing a name or URI is only a report line.
/// </summary>
/// <remarks>
/// Conflicts: a prompt argument required on one server only or added as required, a different <c>mimeType</c>. Any
/// other difference, or the same definition at different versions, is skew.
/// </remarks>
internal static class CatalogConflicts
{
    /// <param name="servers">The fleet's servers.</param>
    /// <param name="groups">Each server's replica group, by server name.</param>
    /// <param name="diagnostics">Receives the warnings.</param>
    /// <returns>The number of shared names, and the report's lines.</returns>
    public static (int Count, List<string> Lines) Detect(IReadOnlyList<ServerSpec> servers, IReadOnlyDictionary<string, ReplicaGroup> groups, List<DiagnosticInfo> diagnostics)
    {
        var lines = new List<string>();
        var shared = servers
            .SelectMany(server => server.Catalog.Select(item => (Server: server, Item: item)))
            .GroupBy(entry => (entry.Item.Kind, entry.Item.Key))
            .Where(group => group.Count() > 1)
            .OrderBy(group => group.Key.Kind)
            .ThenBy(group => group.Key.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var group in shared)
        {
            var entries = group.OrderBy(entry => entry.Server.Name, StringComparer.Ordinal).ToList();
            var kind = KindName(group.Key.Kind);
            var products = entries.GroupBy(entry => groups[entry.Server.Name]).Select(product => product.ToList()).ToList();
            if (products.Count > 1)
            {
                var listed = string.Join("; ", products.Select(p => $"{groups[p[0].Server.Name].Label}: {Servers(p)}"));
                lines.Add($"[products] {kind} {group.Key.Key}: {listed} -> different products; reported only.");
            }

            foreach (var product in products.Where(p => p.Count > 1))
            {
                Classify(group.Key.Kind, group.Key.Key, product, diagnostics, lines);
            }
        }

        return (shared.Count, lines);
    }

    /// <summary>Classifies one product's servers' definitions: a report line, and a warning when they differ.</summary>
    private static void Classify(CatalogItemKind itemKind, string key, List<(ServerSpec Server, CatalogItemSpec Item)> entries, List<DiagnosticInfo> diagnostics, List<string> lines)
    {
        var differences = Compare(entries);
        var kind = KindName(itemKind);
        var references = entries.Select(e => ConflictText.Server(e.Server.Name, e.Server.Version)).ToList();
        var plainServers = Servers(entries);
        if (differences.Count == 0)
        {
            lines.Add($"[replicas] {kind} {key}: {plainServers} (identical) -> reported only; no code is generated for {kind}s yet.");
            return;
        }

        var sharingClass = differences.Any(d => d.IsConflict) ? "conflict" : "skew";
        var text = string.Join("; ", differences.Select(d => d.Text));
        var first = entries[0];
        var later = entries.Last(e => e.Item.DefinitionJson != first.Item.DefinitionJson || e.Server.Version != first.Server.Version);
        diagnostics.Add(DiagnosticInfo.Anchored(
            DiagnosticDescriptors.CatalogItemDiffers,
            new SnapshotAnchor(later.Server.FilePath, later.Item.Key, later.Item.Kind),
            char.ToUpperInvariant(kind[0]) + kind.Substring(1),
            key,
            ConflictText.List(references),
            sharingClass,
            text,
            kind + "s"));
        lines.Add($"[{sharingClass}] {kind} {key}: {plainServers} ({text}) -> warning MCPF0104; no code is generated for {kind}s yet.");
    }

    private static string Servers(List<(ServerSpec Server, CatalogItemSpec Item)> entries) =>
        string.Join(", ", entries.Select(e => e.Server.Version is null ? e.Server.Name : $"{e.Server.Name} {e.Server.Version}"));

    private static List<Difference> Compare(List<(ServerSpec Server, CatalogItemSpec Item)> entries)
    {
        var differences = new List<Difference>();
        var partitions = entries.GroupBy(e => e.Item.DefinitionJson, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        foreach (var partition in partitions.Where(p => p.Select(e => e.Server.Version).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            var servers = partition.Select(e => ConflictText.Server(e.Server.Name, e.Server.Version)).ToList();
            differences.Add(new Difference(false, $"{ConflictText.List(servers)} have the same definition but different versions"));
        }

        for (var i = 0; i < partitions.Count; i++)
        {
            for (var j = i + 1; j < partitions.Count; j++)
            {
                var (left, right) = (partitions[i][0], partitions[j][0]);
                differences.AddRange(CompareDefinitions(
                    Parse(left.Item.DefinitionJson),
                    Parse(right.Item.DefinitionJson),
                    ConflictText.Server(left.Server.Name, left.Server.Version),
                    ConflictText.Server(right.Server.Name, right.Server.Version)));
            }
        }

        return differences;
    }

    private static IEnumerable<Difference> CompareDefinitions(JsonObject left, JsonObject right, string leftServer, string rightServer)
    {
        var fields = left.Properties.Select(p => p.Name).Union(right.Properties.Select(p => p.Name), StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var leftValue = left.GetValueOrNull(field);
            var rightValue = right.GetValueOrNull(field);
            if (leftValue is not null && rightValue is not null && CompactJson.Write(leftValue) == CompactJson.Write(rightValue))
            {
                continue;
            }

            if (field == "arguments")
            {
                foreach (var difference in CompareArguments(leftValue as JsonArray, rightValue as JsonArray, leftServer, rightServer))
                {
                    yield return difference;
                }

                continue;
            }

            yield return new Difference(field == "mimeType", $"'{field}': {ConflictText.Value(leftValue)} on {leftServer}, {ConflictText.Value(rightValue)} on {rightServer}");
        }
    }

    /// <summary>Compares prompt arguments, reduced by the reader to their names and whether they are required.</summary>
    private static IEnumerable<Difference> CompareArguments(JsonArray? left, JsonArray? right, string leftServer, string rightServer)
    {
        var leftArguments = Arguments(left);
        var rightArguments = Arguments(right);
        foreach (var name in leftArguments.Keys.Union(rightArguments.Keys, StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
        {
            var inLeft = leftArguments.TryGetValue(name, out var leftRequired);
            var inRight = rightArguments.TryGetValue(name, out var rightRequired);
            if (inLeft && inRight)
            {
                if (leftRequired != rightRequired)
                {
                    var (requiring, other) = leftRequired ? (leftServer, rightServer) : (rightServer, leftServer);
                    yield return new Difference(true, $"argument '{name}' is required on {requiring}, optional on {other}");
                }
            }
            else
            {
                var (server, required) = inLeft ? (leftServer, leftRequired) : (rightServer, rightRequired);
                yield return new Difference(required, $"{server} adds {(required ? "required" : "optional")} argument '{name}'");
            }
        }
    }

    private static Dictionary<string, bool> Arguments(JsonArray? arguments) =>
        (arguments?.Items ?? [])
            .OfType<JsonObject>()
            .ToDictionary(
                argument => ((JsonString)argument.GetValueOrNull("name")!).Value,
                argument => argument.GetValueOrNull("required") is JsonBoolean { Value: true },
                StringComparer.Ordinal);

    private static JsonObject Parse(string json) => JsonParser.Parse(json).Root as JsonObject ?? new JsonObject([], default, default);

    private static string KindName(CatalogItemKind kind) => kind switch
    {
        CatalogItemKind.Prompt => "prompt",
        CatalogItemKind.Resource => "resource",
        _ => "resource template",
    };
}
