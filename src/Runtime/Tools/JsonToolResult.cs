using System.Text.Json;
using McpFleet.Generated;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>
/// The result of a tool whose output schema has no typed form (e.g. a union): its structured content as JSON.
/// </summary>
public sealed record JsonToolResult : ToolResult, IToolResult<JsonToolResult>
{
    /// <summary>The structured content.</summary>
    public required JsonElement Value { get; init; }

    /// <inheritdoc />
    public static JsonToolResult FromCallToolResult(CallToolResult result, ToolDescriptor tool) =>
        new() { RawResult = result, Value = StructuredJson.GetStructuredContent(result, tool).Clone() };
}
