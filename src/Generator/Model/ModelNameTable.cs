using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>Every tool's model-facing name, the input of the fleet's model-name file and of the report's name list.</summary>
/// <param name="FleetNamespace">The fleet class's namespace.</param>
/// <param name="FleetTypeName">The fleet class's name.</param>
/// <param name="HasServers">Whether the fleet has servers, and so a fleet class that needs the table.</param>
/// <param name="Separator">What joins server and tool names.</param>
/// <param name="Names">The names, in ordinal order of server then tool; unique.</param>
/// <param name="Diagnostics">Changed and colliding names.</param>
internal sealed record ModelNameTable(
    string FleetNamespace,
    string FleetTypeName,
    bool HasServers,
    string Separator,
    EquatableArray<ModelNameSpec> Names,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string HintName => $"McpFleet.{FleetTypeName}.ModelToolNames.g.cs";
}
