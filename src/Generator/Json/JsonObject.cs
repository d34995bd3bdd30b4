using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>A JSON object: its properties in document order, with unique names (the parser rejects duplicates).</summary>
internal sealed class JsonObject : JsonNode
{
    private readonly Dictionary<string, JsonProperty> _byName;

    public JsonObject(IReadOnlyList<JsonProperty> properties, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
        Properties = properties;
        _byName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            _byName[property.Name] = property;
        }
    }

    public IReadOnlyList<JsonProperty> Properties { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public JsonProperty? GetProperty(string name) => _byName.TryGetValue(name, out var property) ? property : null;

    public JsonNode? GetValueOrNull(string name) => _byName.TryGetValue(name, out var property) ? property.Value : null;
}
