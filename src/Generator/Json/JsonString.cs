using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>A JSON string, unescaped.</summary>
internal sealed class JsonString : JsonNode
{
    public JsonString(string value, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan) =>
        Value = value;

    public string Value { get; }
}
