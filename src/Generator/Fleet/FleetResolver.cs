using System.Collections.Immutable;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Resolves the collected servers into one fleet: drops servers whose name an earlier snapshot already uses, and
/// gives each server a C# name, namespace and fleet property that are unique in the fleet.
/// </summary>
/// <remarks>
/// This is the step that sees every server at once, so checks across servers (replica groups, cross-server
/// conflicts) belong here. Its output holds only what the fleet class and the placement of server files need, so it
/// compares equal after an edit of a server's tools and the fleet file stays cached.
/// </remarks>
internal static class FleetResolver
{
    /// <summary>The fleet class's own members, which server properties must not take.</summary>
    private static readonly string[] s_fleetMembers = ["Create", "DisposeAsync", "Manifest", "Runtime"];

    public static FleetSpec Resolve(ImmutableArray<ServerSpec> servers, FleetSettings settings)
    {
        var diagnostics = new List<DiagnosticInfo>(settings.Diagnostics);
        var accepted = RemoveDuplicateNames(servers, diagnostics);

        var identifiers = new NameAllocator();

        // A server namespace {FleetNamespace}.{Identifier} must not be the fleet class {FleetNamespace}.{TypeName}.
        identifiers.Reserve(settings.TypeName, "the fleet class");
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

        return new FleetSpec(
            new FleetClassSpec(settings.Namespace, settings.TypeName, placements.ToEquatableArray()),
            diagnostics.ToEquatableArray());
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

    private static void Report(List<DiagnosticInfo> diagnostics, ServerSpec server, string subject, string name, string wanted, string? takenBy)
    {
        if (takenBy is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.IdentifierRenamed, server.NameLocation, subject, name, $"'{wanted}' is already used by {takenBy}"));
        }
    }
}
