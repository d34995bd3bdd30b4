using System.Text.Json;
using McpFleet.Tools;

namespace McpFleet.Generated;

/// <summary>
/// Reads the shapes beyond single values for generated code: maps, extra properties, unions, and the other wire forms
/// a schema allows for a value (one item for a list, a JSON string for an object).
/// </summary>
public static partial class StructuredJson
{
    /// <summary>Reads the required property <paramref name="property"/> with <paramref name="read"/>.</summary>
    public static T GetValue<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read(GetRequired(obj, property, tool), tool);
    }

    /// <summary>Reads the optional property <paramref name="property"/> with <paramref name="read"/>.</summary>
    public static T? GetClassOrNull<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return TryGet(obj, property, out var value) ? read(value, tool) : null;
    }

    /// <summary>Reads the optional property <paramref name="property"/> of a value type with <paramref name="read"/>.</summary>
    public static T? GetStructOrNull<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> read)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        return TryGet(obj, property, out var value) ? read(value, tool) : null;
    }

    /// <summary>Reads an object used as a map, each value with <paramref name="readValue"/>, in the order the server sent them.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(JsonElement value, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> readValue)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        var obj = RequireObject(value, tool);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            map[property.Name] = readValue(property.Value, tool);
        }

        return map;
    }

    /// <summary>
    /// Reads the properties of an object that its record does not declare, so that nothing the server sent is lost;
    /// <see langword="null"/> when there are none.
    /// </summary>
    public static IReadOnlyDictionary<string, T>? GetAdditionalProperties<T>(
        JsonElement obj, ToolDescriptor tool, Func<string, bool> isDeclared, Func<JsonElement, ToolDescriptor, T> readValue)
    {
        ArgumentNullException.ThrowIfNull(isDeclared);
        ArgumentNullException.ThrowIfNull(readValue);
        Dictionary<string, T>? map = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (!isDeclared(property.Name))
            {
                map ??= new Dictionary<string, T>(StringComparer.Ordinal);
                map[property.Name] = readValue(property.Value, tool);
            }
        }

        return map;
    }

    /// <summary>Reads a list that the schema also allows as a single item (<c>anyOf: [T, T[]]</c>): one item is a list of one.</summary>
    public static IReadOnlyList<T> ReadOneOrMany<T>(JsonElement value, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        return value.ValueKind == JsonValueKind.Array ? ReadList(value, tool, readItem) : [readItem(value, tool)];
    }

    /// <summary>Reads a value that the schema also allows as its JSON text in a string (<c>anyOf: [T, {"type": "string"}]</c>).</summary>
    public static T ReadJsonText<T>(JsonElement value, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value.ValueKind != JsonValueKind.String)
        {
            return read(value, tool);
        }

        try
        {
            using var document = JsonDocument.Parse(value.GetString()!);
            return read(document.RootElement.Clone(), tool);
        }
        catch (JsonException)
        {
            throw new ToolResultFormatException(tool, $"a string holds {value.GetRawText()}, which is not the JSON its schema allows.");
        }
    }

    /// <summary>Whether the object has the property (a union case requires it); JSON null counts.</summary>
    public static bool Has(JsonElement obj, string property) => obj.TryGetProperty(property, out _);

    /// <summary>Whether the property is absent or is the string <paramref name="expected"/> (a union case's constant).</summary>
    public static bool IsAbsentOr(JsonElement obj, string property, string expected) =>
        !obj.TryGetProperty(property, out var value) || (value.ValueKind == JsonValueKind.String && value.ValueEquals(expected));

    /// <summary>Whether the property is absent or is the number <paramref name="expected"/>.</summary>
    public static bool IsAbsentOr(JsonElement obj, string property, double expected) =>
        !obj.TryGetProperty(property, out var value) || (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number == expected);

    /// <summary>Whether the property is absent or is the boolean <paramref name="expected"/>.</summary>
    public static bool IsAbsentOr(JsonElement obj, string property, bool expected) =>
        !obj.TryGetProperty(property, out var value) || value.ValueKind == (expected ? JsonValueKind.True : JsonValueKind.False);

    /// <summary>The error for a value of a union of scalars that is none of its kinds.</summary>
    public static ToolResultFormatException NotOneOf(JsonElement value, ToolDescriptor tool, string expected) =>
        new(tool, $"an item must be {expected} but is {Describe(value.ValueKind)}.");
}
