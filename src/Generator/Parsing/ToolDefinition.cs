using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>A tool entry of a snapshot whose shape has been checked: the input of name allocation and schema mapping.</summary>
/// <param name="WireName">The tool's name.</param>
/// <param name="NameNode">Where the name is written, for diagnostics.</param>
/// <param name="Title">The tool's title, or its annotations' title.</param>
/// <param name="Description">The tool's description.</param>
/// <param name="Hints">The declared behaviour hints.</param>
/// <param name="InputSchema">The input schema: an object schema.</param>
/// <param name="OutputSchema">The output schema, when the tool declares one.</param>
internal sealed record ToolDefinition(
    string WireName,
    JsonString NameNode,
    string? Title,
    string? Description,
    ToolHintsSpec Hints,
    JsonObject InputSchema,
    JsonObject? OutputSchema);
