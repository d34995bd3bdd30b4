using System.Collections.Immutable;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>Turns the anchors of the fleet step's diagnostics into positions in the snapshots, just before reporting.</summary>
internal static class AnchorResolver
{
    public static EquatableArray<DiagnosticInfo> Resolve(EquatableArray<DiagnosticInfo> diagnostics, ImmutableArray<ServerSpec> servers)
    {
        if (!diagnostics.Any(d => d.Anchor is not null))
        {
            return diagnostics;
        }

        return diagnostics.Select(d => d.Anchor is { } anchor ? d with { Location = Find(anchor, servers), Anchor = null } : d).ToEquatableArray();
    }

    private static SourceLocation Find(SnapshotAnchor anchor, ImmutableArray<ServerSpec> servers)
    {
        var server = servers.FirstOrDefault(s => s.FilePath == anchor.FilePath);
        var location = anchor.CatalogKind is { } kind
            ? server?.Catalog.FirstOrDefault(item => item.Kind == kind && item.Key == anchor.Key)?.Location
            : server?.Tools.FirstOrDefault(tool => tool.WireName == anchor.Key)?.Location;
        return location ?? SourceLocation.StartOf(anchor.FilePath);
    }
}
