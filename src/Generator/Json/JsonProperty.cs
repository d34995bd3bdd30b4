using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>A name and value of a JSON object; the name's own position lets diagnostics point at a key.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, LinePositionSpan nameLineSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        NameLineSpan = nameLineSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public LinePositionSpan NameLineSpan { get; }

    public JsonNode Value { get; }
}
