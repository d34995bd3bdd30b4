using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>JSON <c>true</c> or <c>false</c>.</summary>
internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(bool value, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan) =>
        Value = value;

    public bool Value { get; }
}
