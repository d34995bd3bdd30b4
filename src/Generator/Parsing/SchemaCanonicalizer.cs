using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Writes a JSON Schema as canonical compact JSON, so that definitions from different servers compare equal exactly
/// when they accept the same values: documentation-only keywords are removed wherever a schema can appear, object
/// keys are in ordinal order, keywords that hold sets (<c>required</c>, <c>enum</c>, a <c>type</c> array) are
/// sorted, and a <c>type</c> array of one type is that type. Property names are data, not keywords: a property called
/// <c>title</c> is kept.
/// </summary>
internal static class SchemaCanonicalizer
{
    /// <summary>Keywords that only document a schema: a server may reword them without changing the tool.</summary>
    public static readonly string[] DocumentationKeywords = ["description", "title", "examples", "$comment", "$schema"];

    private static readonly HashSet<string> s_documentation = new(DocumentationKeywords, StringComparer.Ordinal);

    private static readonly HashSet<string> s_schemaValued = new(StringComparer.Ordinal)
    {
        "items", "additionalItems", "additionalProperties", "contains", "else", "if", "not", "propertyNames", "then",
        "unevaluatedItems", "unevaluatedProperties",
    };

    private static readonly HashSet<string> s_schemaArrays = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    private static readonly HashSet<string> s_schemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    };

    private static readonly HashSet<string> s_sets = new(StringComparer.Ordinal) { "enum", "required", "type" };

    /// <summary>The canonical form of a schema's JSON text, which an earlier parse found valid.</summary>
    public static string Write(string schemaJson) => Write(JsonParser.Parse(schemaJson).Root!);

    /// <summary>The canonical form of a parsed schema.</summary>
    public static string Write(JsonNode schema) => CompactJson.Write(Schema(schema));

    /// <summary>A value (a default, an enum member) with its object keys sorted, documentation kept: it is data.</summary>
    public static JsonNode Value(JsonNode node) => node switch
    {
        JsonObject obj => Rebuild(obj, obj.Properties.Select(p => (p.Name, Value(p.Value)))),
        JsonArray array => new JsonArray(array.Items.Select(Value).ToList(), default, default),
        _ => node,
    };

    private static JsonNode Schema(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return Value(node);
        }

        var properties = new List<(string Name, JsonNode Value)>();
        foreach (var property in schema.Properties)
        {
            if (s_documentation.Contains(property.Name))
            {
                continue;
            }

            properties.Add((property.Name, Keyword(property.Name, property.Value)));
        }

        return Rebuild(schema, properties);
    }

    private static JsonNode Keyword(string name, JsonNode value)
    {
        if (s_schemaArrays.Contains(name) && value is JsonArray schemas)
        {
            return new JsonArray(schemas.Items.Select(Schema).ToList(), default, default);
        }

        if (s_schemaValued.Contains(name))
        {
            return Schema(value);
        }

        if (s_schemaMaps.Contains(name) && value is JsonObject map)
        {
            return Rebuild(map, map.Properties.Select(p => (p.Name, Schema(p.Value))));
        }

        if (name == "type" && value is JsonArray { Items.Count: 1 } single)
        {
            return Value(single.Items[0]);
        }

        if (s_sets.Contains(name) && value is JsonArray set)
        {
            var items = set.Items.Select(Value).GroupBy(CompactJson.Write, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => group.First())
                .ToList();
            return new JsonArray(items, default, default);
        }

        return Value(value);
    }

    private static JsonObject Rebuild(JsonObject original, IEnumerable<(string Name, JsonNode Value)> properties) =>
        new(
            properties.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JsonProperty(p.Name, default, default, p.Value)).ToList(),
            original.Span,
            original.LineSpan);
}
