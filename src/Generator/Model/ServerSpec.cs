using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>A server as its snapshot describes it, ready to emit.</summary>
/// <param name="FilePath">The snapshot's path: identifies the server's file within the fleet.</param>
/// <param name="Name">The fleet's name for the server, as the runtime and <c>mcp.json</c> know it.</param>
/// <param name="Identifier">The name as a C# identifier, before the fleet makes it unique among servers.</param>
/// <param name="ClassName">The proxy class's name.</param>
/// <param name="NamespaceOverride">The namespace set by file metadata, if any.</param>
/// <param name="ProtocolVersion">The protocol revision recorded at capture.</param>
/// <param name="Implementation">What the server said it is, e.g. "weather-server 2.1.0", for documentation.</param>
/// <param name="NameLocation">Where the name comes from, for fleet-level diagnostics.</param>
/// <param name="Tools">The tools, in ordinal order of their wire names.</param>
/// <param name="Version">The version the server advertised (<c>server.version</c>), compared across servers.</param>
/// <param name="VersionLocation">Where the version is written, or the name's location when there is none.</param>
/// <param name="Priority">The <c>Priority</c> metadata of the snapshot's item, for the <c>priority</c> strategy.</param>
/// <param name="Catalog">The server's prompts, resources and resource templates, compared across servers.</param>
/// <param name="SnapshotResource">The resource the build embeds the snapshot file as: the runtime reads its tools from
/// there to compare them with the live server's (drift). <see langword="null"/> when the host embeds no snapshot (it
/// did not run the package's MSBuild files); the server is then not checked for drift.</param>
/// <param name="Product">What the server reported itself to be (<c>server.name</c>, the protocol's <c>serverInfo.name</c>):
/// servers reporting one product are replicas of one logical server.</param>
/// <param name="ReplicaOf">The <c>ReplicaOf</c> metadata of the snapshot's item: the server of the fleet this one is
/// declared a replica of.</param>
/// <param name="ToolsCanChange">Whether the snapshot's capabilities say the tool list can change (<c>tools.listChanged</c>):
/// the runtime then lists the server's tools again periodically.</param>
internal sealed record ServerSpec(
    string FilePath,
    string Name,
    string Identifier,
    string ClassName,
    string? NamespaceOverride,
    string? ProtocolVersion,
    string? Implementation,
    SourceLocation NameLocation,
    EquatableArray<ToolSpec> Tools,
    string? Version,
    SourceLocation VersionLocation,
    double? Priority,
    EquatableArray<CatalogItemSpec> Catalog,
    string? SnapshotResource,
    string? Product,
    string? ReplicaOf,
    bool ToolsCanChange);
