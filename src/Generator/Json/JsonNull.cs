using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>JSON <c>null</c>.</summary>
internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
    }
}
