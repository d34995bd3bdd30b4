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
internal sealed record ServerSpec(
    string FilePath,
    string Name,
    string Identifier,
    string ClassName,
    string? NamespaceOverride,
    string? ProtocolVersion,
    string? Implementation,
    SourceLocation NameLocation,
    EquatableArray<ToolSpec> Tools);
