using System.Collections.Immutable;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;
using McpFleet.Generator.Parsing;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Resolves the collected servers into one fleet: drops servers whose name or namespace an earlier snapshot already
/// uses, gives each server a C# name, namespace and fleet property that are unique in the fleet, and resolves the
/// tool names several servers share (<see cref="ConflictResolver"/>).
/// </summary>
/// <remarks>
/// This is the step that sees every server at once. Its output holds only what the fleet class, the placement of
/// server files and the conflict report need, so it compares equal after an edit of a tool no other server offers,
/// and the fleet file stays cached.
/// </remarks>
internal static class FleetResolver
{
    /// <summary>The fleet class's own members, which server properties and unified methods must not take.</summary>
    private static readonly string[] s_fleetMembers = ["Create", "CreateModelToolNames", "DisposeAsync", "Groups", "Manifest", "Runtime"];

    public static FleetSpec Resolve(ImmutableArray<ServerSpec> servers, FleetSettings settings, FleetPolicy policy)
    {
        var diagnostics = new List<DiagnosticInfo>(settings.Diagnostics);
        diagnostics.AddRange(policy.Diagnostics);
        var accepted = RemoveDuplicateNamespaces(RemoveDuplicateNames(servers, diagnostics), diagnostics);

        // Case-insensitive: the identifier names the server's file, McpFleet.{Identifier}.g.cs, and Roslyn requires hint
        // names to differ in more than case (CS8785 would lose the whole fleet: "filesystem" and "file-system").
        var identifiers = new NameAllocator(StringComparer.OrdinalIgnoreCase);

        // A server namespace {FleetNamespace}.{Identifier} must not be the fleet class {FleetNamespace}.{TypeName},
        // nor a namespace another server set by metadata; and the hint name McpFleet.{Identifier}.g.cs not the report's.
        identifiers.Reserve(settings.TypeName, "the fleet class");
        identifiers.Reserve("ConflictReport", "the conflict report's file, McpFleet.ConflictReport.g.cs");
        foreach (var server in accepted)
        {
            if (DefaultStyleSegment(server, settings.Namespace) is { } segment && segment != server.Identifier)
            {
                identifiers.Reserve(segment, $"the namespace of server '{server.Name}'");
            }
        }

        var properties = new NameAllocator();
        properties.Reserve(settings.TypeName, "the fleet class itself");
        ReservedNames.ReserveObjectMembers(properties);
        foreach (var member in s_fleetMembers)
        {
            properties.Reserve(member, $"the fleet class's {member} member");
        }

        var placements = new List<FleetServerSpec>(accepted.Count);
        foreach (var server in accepted)
        {
            var identifier = identifiers.Allocate(server.Identifier, $"server '{server.Name}'", out var identifierTakenBy);
            Report(diagnostics, server, $"server '{server.Name}'", identifier, server.Identifier, identifierTakenBy);
            var property = properties.Allocate(identifier, $"server '{server.Name}'", out var propertyTakenBy);
            Report(diagnostics, server, $"the fleet property for server '{server.Name}'", property, identifier, propertyTakenBy);
            var ns = server.NamespaceOverride ?? $"{settings.Namespace}.{identifier}";
            placements.Add(new FleetServerSpec(server.FilePath, server.Name, identifier, ns, server.ClassName, property));
        }

        var (groups, report) = ResolveConflicts(accepted.Zip(placements, (s, p) => (s, p)).ToList(), settings, policy, identifiers, diagnostics);
        return new FleetSpec(
            new FleetClassSpec(settings.Namespace, settings.TypeName, placements.ToEquatableArray(), groups),
            report,
            diagnostics.ToEquatableArray());
    }

    private static (EquatableArray<UnifiedToolSpec> Groups, ConflictReportSpec Report) ResolveConflicts(
        List<(ServerSpec Server, FleetServerSpec Placement)> servers, FleetSettings settings, FleetPolicy policy, NameAllocator identifiers, List<DiagnosticInfo> diagnostics)
    {
        var members = s_fleetMembers.Select(m => (m, $"the fleet class's {m} member"))
            .Append((settings.TypeName, "the fleet class itself"))
            .Concat(servers.Select(s => (s.Placement.PropertyName, $"the fleet property for server '{s.Server.Name}'")))
            .ToList();
        if (servers.Count == 0)
        {
            // No fleet: nothing is generated, so there is nothing to report either.
            return (EquatableArray<UnifiedToolSpec>.Empty, new ConflictReportSpec(0, 0, 0, "", "", EquatableArray<string>.Empty));
        }

        var found = new List<DiagnosticInfo>();
        try
        {
            var result = new ConflictResolver(servers, settings.Namespace, policy, identifiers, found).Resolve(members);
            diagnostics.AddRange(found);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in the checks across servers must not cost the servers themselves: they still generate, ungrouped.
            diagnostics.Add(InternalErrors.Create(servers[0].Server.FilePath, e));
            return (EquatableArray<UnifiedToolSpec>.Empty, new ConflictReportSpec(servers.Count, 0, 0, "", "", new EquatableArray<string>(["The checks across servers failed with an internal error (MCPF0008), so no tool is unified."])));
        }
    }

    /// <summary>
    /// Keeps the first snapshot of each server name, in ordinal order of the snapshots' paths, and reports the
    /// others; returns the kept servers in ordinal order of their names (the manifest's order).
    /// </summary>
    private static List<ServerSpec> RemoveDuplicateNames(ImmutableArray<ServerSpec> servers, List<DiagnosticInfo> diagnostics)
    {
        var byName = new Dictionary<string, ServerSpec>(StringComparer.Ordinal);
        foreach (var server in servers.OrderBy(s => s.FilePath, StringComparer.Ordinal))
        {
            if (byName.TryGetValue(server.Name, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateServerName, server.NameLocation, server.Name, first.FilePath, server.FilePath));
                continue;
            }

            byName.Add(server.Name, server);
        }

        return byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Keeps the first server (in ordinal order of the names) of each namespace set by metadata: two servers in one
    /// namespace would define their types (their Tools class, same-named arguments records) twice.
    /// </summary>
    private static List<ServerSpec> RemoveDuplicateNamespaces(List<ServerSpec> servers, List<DiagnosticInfo> diagnostics)
    {
        var byNamespace = new Dictionary<string, ServerSpec>(StringComparer.Ordinal);
        var kept = new List<ServerSpec>(servers.Count);
        foreach (var server in servers)
        {
            if (server.NamespaceOverride is { } ns)
            {
                if (byNamespace.TryGetValue(ns, out var first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateNamespace, server.NameLocation, first.Name, server.Name, ns));
                    continue;
                }

                byNamespace.Add(ns, server);
            }

            kept.Add(server);
        }

        return kept;
    }

    /// <summary>The last segment of a namespace set by metadata that looks like a default one, <c>{FleetNamespace}.{Segment}</c>.</summary>
    private static string? DefaultStyleSegment(ServerSpec server, string fleetNamespace)
    {
        var prefix = fleetNamespace + ".";
        return server.NamespaceOverride is { } ns && ns.StartsWith(prefix, StringComparison.Ordinal) && ns.IndexOf('.', prefix.Length) < 0
            ? ns.Substring(prefix.Length)
            : null;
    }

    private static void Report(List<DiagnosticInfo> diagnostics, ServerSpec server, string subject, string name, string wanted, string? takenBy)
    {
        if (takenBy is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.IdentifierRenamed, server.NameLocation, subject, name, $"'{wanted}' is already used by {takenBy}"));
        }
    }
}
