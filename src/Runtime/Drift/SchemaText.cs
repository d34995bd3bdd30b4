using System.Text.Json;
using McpFleet.Json;

namespace McpFleet.Drift;

/// <summary>Canonical texts of JSON Schemas for comparison, with or without their prose.</summary>
internal static class SchemaText
{
    // Keywords whose value is a schema, a map of schemas or an array of schemas: prose inside them is prose too. The
    // keys of a map (parameter names) are kept, so a parameter named "description" is not mistaken for prose.
    private static readonly HashSet<string> s_schemaKeywords = new(StringComparer.Ordinal)
    {
        "additionalItems", "additionalProperties", "contains", "else", "if", "items", "not", "propertyNames", "then",
        "unevaluatedItems", "unevaluatedProperties", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    private static readonly HashSet<string> s_schemaMapKeywords = new(StringComparer.Ordinal)
    {
        "$defs", "definitions", "dependentSchemas", "patternProperties", "properties",
    };

    /// <summary>Keywords that only tell people (and models) about a value, as the generator's conflict check has them.</summary>
    private static readonly HashSet<string> s_proseKeywords = new(StringComparer.Ordinal) { "$comment", "$schema", "description", "examples", "title" };

    /// <summary>Keywords whose array value is a set: its order means nothing.</summary>
    private static readonly HashSet<string> s_setKeywords = new(StringComparer.Ordinal) { "enum", "required", "type" };

    /// <summary>Whether two optional values are the same JSON.</summary>
    public static bool Same(JsonElement? left, JsonElement? right) =>
        left is null || right is null ? left is null && right is null : CanonicalJson.Write(left.Value) == CanonicalJson.Write(right.Value);

    /// <summary>Whether a keyword is documentation only.</summary>
    public static bool IsProse(string keyword) => s_proseKeywords.Contains(keyword);

    /// <summary>Whether the documentation keywords of two schemas differ at their top level.</summary>
    public static bool ProseDiffers(JsonElement left, JsonElement right) =>
        s_proseKeywords.Any(keyword => !Same(Field(left, keyword), Field(right, keyword)));

    /// <summary>Whether two optional schemas differ in more than their prose (descriptions, titles, examples) and the
    /// order of their sets (<c>required</c>, <c>enum</c>, <c>type</c>).</summary>
    public static bool DifferBeyondProse(JsonElement? left, JsonElement? right) =>
        left is null || right is null ? left is not null || right is not null : Normalized(left.Value, withProse: false) != Normalized(right.Value, withProse: false);

    /// <summary>Whether two optional schemas differ in more than the order of their sets.</summary>
    public static bool Differ(JsonElement? left, JsonElement? right) =>
        left is null || right is null ? left is not null || right is not null : Normalized(left.Value, withProse: true) != Normalized(right.Value, withProse: true);

    /// <summary>Whether a keyword's optional values in two schemas differ, each read as what that keyword holds (a schema,
    /// a map or array of schemas, a set), in more than the order of their sets, and in more than prose unless
    /// <paramref name="withProse"/>.</summary>
    public static bool KeywordDiffers(string keyword, JsonElement? left, JsonElement? right, bool withProse) =>
        left is null || right is null
            ? left is not null || right is not null
            : CanonicalJson.Write(writer => WriteKeywordValue(writer, keyword, left.Value, withProse)) != CanonicalJson.Write(writer => WriteKeywordValue(writer, keyword, right.Value, withProse));

    /// <summary>The canonical text of a schema with its sets sorted, at every level, and its prose or without it.</summary>
    public static string Normalized(JsonElement schema, bool withProse) => CanonicalJson.Write(writer => WriteSchema(writer, schema, withProse));

    /// <summary>A schema's <c>type</c> in words, <c>null</c> last: <c>string</c>, <c>string or null</c>, <c>any</c>.</summary>
    public static string TypeOf(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("type", out var type)
            ? type.ValueKind switch
            {
                JsonValueKind.String => type.GetString()!,
                JsonValueKind.Array => string.Join(" or ", type.EnumerateArray()
                    .Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.GetRawText())
                    .OrderBy(t => t == "null")
                    .ThenBy(t => t, StringComparer.Ordinal)),
                _ => type.GetRawText(),
            }
            : "any";

    /// <summary>A property of an object, or <see langword="null"/> when it is absent or JSON <c>null</c>.</summary>
    public static JsonElement? Field(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var field) && field.ValueKind != JsonValueKind.Null ? field : null;

    private static void WriteSchema(Utf8JsonWriter writer, JsonElement schema, bool withProse)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            CanonicalJson.Write(writer, schema);
            return;
        }

        writer.WriteStartObject();
        foreach (var keyword in schema.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!withProse && s_proseKeywords.Contains(keyword.Name))
            {
                continue;
            }

            writer.WritePropertyName(keyword.Name);
            WriteKeywordValue(writer, keyword.Name, keyword.Value, withProse);
        }

        writer.WriteEndObject();
    }

    private static void WriteKeywordValue(Utf8JsonWriter writer, string keyword, JsonElement value, bool withProse)
    {
        if (s_schemaMapKeywords.Contains(keyword) && value.ValueKind == JsonValueKind.Object)
        {
            writer.WriteStartObject();
            foreach (var entry in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                writer.WritePropertyName(entry.Name);
                WriteSchema(writer, entry.Value, withProse);
            }

            writer.WriteEndObject();
        }
        else if (s_schemaKeywords.Contains(keyword) && value.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in value.EnumerateArray())
            {
                WriteSchema(writer, item, withProse);
            }

            writer.WriteEndArray();
        }
        else if (s_schemaKeywords.Contains(keyword))
        {
            WriteSchema(writer, value, withProse);
        }
        else if (keyword == "type" && value is { ValueKind: JsonValueKind.Array } types && types.GetArrayLength() == 1)
        {
            // ["string"] says what "string" says.
            CanonicalJson.Write(writer, types[0]);
        }
        else if (s_setKeywords.Contains(keyword) && value.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in value.EnumerateArray().Select(CanonicalJson.Write).Order(StringComparer.Ordinal))
            {
                writer.WriteRawValue(item, skipInputValidation: true);
            }

            writer.WriteEndArray();
        }
        else
        {
            CanonicalJson.Write(writer, value);
        }
    }
}
