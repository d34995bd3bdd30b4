using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>A JSON object: its properties in document order, with unique names (the parser rejects duplicates).</summary>
internal sealed class JsonObject : JsonNode
{
    /// <summary>
    /// Objects with fewer properties (nearly every object of a schema) are searched in order, which is faster than
    /// hashing their names; larger ones get a dictionary.
    /// </summary>
    private const int IndexThreshold = 8;

    private readonly Dictionary<string, JsonProperty>? _byName;

    public JsonObject(IReadOnlyList<JsonProperty> properties, TextSpan span, LinePositionSpan lineSpan)
        : this(properties, Index(properties), span, lineSpan)
    {
    }

    /// <param name="properties">The properties, with unique names.</param>
    /// <param name="byName">The properties by name, as <see cref="Index(List{JsonProperty}, Dictionary{string, JsonProperty}?, JsonProperty)"/> built them.</param>
    /// <param name="span">Where the object is.</param>
    /// <param name="lineSpan">The same, as lines and columns.</param>
    internal JsonObject(IReadOnlyList<JsonProperty> properties, Dictionary<string, JsonProperty>? byName, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
        Properties = properties;
        _byName = byName;
    }

    public IReadOnlyList<JsonProperty> Properties { get; }

    public bool Contains(string name) => GetProperty(name) is not null;

    public JsonProperty? GetProperty(string name) => Find(Properties, _byName, name);

    public JsonNode? GetValueOrNull(string name) => GetProperty(name)?.Value;

    /// <summary>The property called <paramref name="name"/> among <paramref name="properties"/>, indexed or not.</summary>
    internal static JsonProperty? Find(IReadOnlyList<JsonProperty> properties, Dictionary<string, JsonProperty>? byName, string name)
    {
        if (byName is not null)
        {
            return byName.TryGetValue(name, out var indexed) ? indexed : null;
        }

        for (var i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].Name, name, StringComparison.Ordinal))
            {
                return properties[i];
            }
        }

        return null;
    }

    /// <summary>The index after <paramref name="added"/> joined <paramref name="properties"/>: none while the object is small.</summary>
    internal static Dictionary<string, JsonProperty>? Index(List<JsonProperty> properties, Dictionary<string, JsonProperty>? byName, JsonProperty added)
    {
        if (byName is not null)
        {
            byName[added.Name] = added;
            return byName;
        }

        return properties.Count < IndexThreshold ? null : Index(properties);
    }

    private static Dictionary<string, JsonProperty>? Index(IReadOnlyList<JsonProperty> properties)
    {
        if (properties.Count < IndexThreshold)
        {
            return null;
        }

        var byName = new Dictionary<string, JsonProperty>(properties.Count, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            byName[property.Name] = property;
        }

        return byName;
    }
}
