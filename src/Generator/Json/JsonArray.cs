using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonNode
{
    public JsonArray(IReadOnlyList<JsonNode> items, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan) =>
        Items = items;

    public IReadOnlyList<JsonNode> Items { get; }
}
