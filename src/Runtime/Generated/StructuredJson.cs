using System.ComponentModel;
using System.Text.Json;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Generated;

/// <summary>
/// Reads structured tool results for generated code, without reflection. Each <c>Get…</c> reads a property of a JSON
/// object (<c>…OrNull</c>: an optional or nullable one, <see langword="null"/> when absent or JSON null); each
/// <c>Read…</c> reads a value, e.g. a list item. A value of the wrong shape is a <see cref="ToolResultFormatException"/>
/// naming the property; <c>tool</c> names the tool in that message.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class StructuredJson
{
    /// <summary>
    /// The result's structured content: <c>structuredContent</c>, or for servers that only return text, the first
    /// text block parsed as JSON (as the protocol recommends servers do for older clients).
    /// </summary>
    public static JsonElement GetStructuredContent(CallToolResult result, ToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.StructuredContent is { ValueKind: JsonValueKind.Object } structured)
        {
            return structured;
        }

        if (result.Content.OfType<TextContentBlock>().FirstOrDefault() is { } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text.Text);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // Not JSON: reported below.
            }
        }

        throw new ToolResultFormatException(tool, "it has no structured content (no structuredContent object, and no text block holding a JSON object).");
    }

    /// <summary>Reads the required string property <paramref name="property"/>.</summary>
    public static string GetString(JsonElement obj, string property, ToolDescriptor tool) => ReadString(GetRequired(obj, property, tool), tool, property);

    /// <summary>Reads the optional string property <paramref name="property"/>.</summary>
    public static string? GetStringOrNull(JsonElement obj, string property, ToolDescriptor tool) =>
        TryGet(obj, property, out var value) ? ReadString(value, tool, property) : null;

    /// <summary>Reads the required integer property <paramref name="property"/>.</summary>
    public static long GetInt64(JsonElement obj, string property, ToolDescriptor tool) => ReadInt64(GetRequired(obj, property, tool), tool, property);

    /// <summary>Reads the optional integer property <paramref name="property"/>.</summary>
    public static long? GetInt64OrNull(JsonElement obj, string property, ToolDescriptor tool) =>
        TryGet(obj, property, out var value) ? ReadInt64(value, tool, property) : null;

    /// <summary>Reads the required number property <paramref name="property"/>.</summary>
    public static double GetDouble(JsonElement obj, string property, ToolDescriptor tool) => ReadDouble(GetRequired(obj, property, tool), tool, property);

    /// <summary>Reads the optional number property <paramref name="property"/>.</summary>
    public static double? GetDoubleOrNull(JsonElement obj, string property, ToolDescriptor tool) =>
        TryGet(obj, property, out var value) ? ReadDouble(value, tool, property) : null;

    /// <summary>Reads the required boolean property <paramref name="property"/>.</summary>
    public static bool GetBoolean(JsonElement obj, string property, ToolDescriptor tool) => ReadBoolean(GetRequired(obj, property, tool), tool, property);

    /// <summary>Reads the optional boolean property <paramref name="property"/>.</summary>
    public static bool? GetBooleanOrNull(JsonElement obj, string property, ToolDescriptor tool) =>
        TryGet(obj, property, out var value) ? ReadBoolean(value, tool, property) : null;

    /// <summary>Reads the required property <paramref name="property"/> as JSON; JSON null is a value here.</summary>
    public static JsonElement GetElement(JsonElement obj, string property, ToolDescriptor tool) =>
        obj.TryGetProperty(property, out var value)
            ? value.Clone()
            : throw new ToolResultFormatException(tool, $"the required property '{property}' is missing.");

    /// <summary>Reads the optional property <paramref name="property"/> as JSON.</summary>
    public static JsonElement? GetElementOrNull(JsonElement obj, string property, ToolDescriptor tool) =>
        TryGet(obj, property, out var value) ? value.Clone() : null;

    /// <summary>Reads the required object property <paramref name="property"/> with <paramref name="read"/>.</summary>
    public static T GetObject<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> read) =>
        read(RequireObject(GetRequired(obj, property, tool), tool, property), tool);

    /// <summary>Reads the optional object property <paramref name="property"/> with <paramref name="read"/>.</summary>
    public static T? GetObjectOrNull<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> read)
        where T : class =>
        TryGet(obj, property, out var value) ? read(RequireObject(value, tool, property), tool) : null;

    /// <summary>Reads the required array property <paramref name="property"/>, each item with <paramref name="readItem"/>.</summary>
    public static IReadOnlyList<T> GetList<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> readItem) =>
        ReadList(GetRequired(obj, property, tool), tool, readItem, property);

    /// <summary>Reads the optional array property <paramref name="property"/>, each item with <paramref name="readItem"/>.</summary>
    public static IReadOnlyList<T>? GetListOrNull<T>(JsonElement obj, string property, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> readItem) =>
        TryGet(obj, property, out var value) ? ReadList(value, tool, readItem, property) : null;

    /// <summary>Reads the required enum property <paramref name="property"/>, mapping its wire value with <paramref name="parse"/>.</summary>
    public static TEnum GetEnum<TEnum>(JsonElement obj, string property, ToolDescriptor tool, Func<string, TEnum?> parse)
        where TEnum : struct, Enum =>
        ReadEnum(GetRequired(obj, property, tool), tool, parse, property);

    /// <summary>Reads the optional enum property <paramref name="property"/>, mapping its wire value with <paramref name="parse"/>.</summary>
    public static TEnum? GetEnumOrNull<TEnum>(JsonElement obj, string property, ToolDescriptor tool, Func<string, TEnum?> parse)
        where TEnum : struct, Enum =>
        TryGet(obj, property, out var value) ? ReadEnum(value, tool, parse, property) : null;

    /// <summary>Reads a string value.</summary>
    public static string ReadString(JsonElement value, ToolDescriptor tool, string? property = null) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongKind(tool, property, "a string", value);

    /// <summary>Reads an integer value; integral numbers written with a fraction (<c>3.0</c>) are accepted.</summary>
    public static long ReadInt64(JsonElement value, ToolDescriptor tool, string? property = null)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var integer))
            {
                return integer;
            }

            // Some serializers write integers as 3.0.
            if (value.TryGetDouble(out var number) && Math.Floor(number) == number && number is >= long.MinValue and <= long.MaxValue)
            {
                return (long)number;
            }
        }

        throw WrongKind(tool, property, "an integer", value);
    }

    /// <summary>Reads a number value.</summary>
    public static double ReadDouble(JsonElement value, ToolDescriptor tool, string? property = null) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : throw WrongKind(tool, property, "a number", value);

    /// <summary>Reads a boolean value.</summary>
    public static bool ReadBoolean(JsonElement value, ToolDescriptor tool, string? property = null) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw WrongKind(tool, property, "true or false", value);

    /// <summary>Reads a value as JSON, detached from its document.</summary>
    public static JsonElement ReadElement(JsonElement value, ToolDescriptor tool) => value.Clone();

    /// <summary>Reads an enum value, mapping its wire value with <paramref name="parse"/>.</summary>
    public static TEnum ReadEnum<TEnum>(JsonElement value, ToolDescriptor tool, Func<string, TEnum?> parse, string? property = null)
        where TEnum : struct, Enum =>
        parse(ReadString(value, tool, property)) is { } member
            ? member
            : throw new ToolResultFormatException(tool, $"{Describe(property)} has the value {value.GetRawText()}, which is not one of the values its schema allows.");

    /// <summary>Reads an array value, each item with <paramref name="readItem"/>.</summary>
    public static IReadOnlyList<T> ReadList<T>(JsonElement value, ToolDescriptor tool, Func<JsonElement, ToolDescriptor, T> readItem, string? property = null)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(tool, property, "an array", value);
        }

        var items = new T[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[index++] = readItem(item, tool);
        }

        return items;
    }

    /// <summary>Checks that a value is a JSON object before a generated type reads its properties.</summary>
    public static JsonElement RequireObject(JsonElement value, ToolDescriptor tool, string? property = null) =>
        value.ValueKind == JsonValueKind.Object ? value : throw WrongKind(tool, property, "an object", value);

    private static JsonElement GetRequired(JsonElement obj, string property, ToolDescriptor tool) =>
        TryGet(obj, property, out var value)
            ? value
            : throw new ToolResultFormatException(tool, $"the required property '{property}' is missing or null.");

    private static bool TryGet(JsonElement obj, string property, out JsonElement value) =>
        obj.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;

    private static ToolResultFormatException WrongKind(ToolDescriptor tool, string? property, string expected, JsonElement actual) =>
        new(tool, $"{Describe(property)} must be {expected} but is {Describe(actual.ValueKind)}.");

    private static string Describe(string? property) => property is null ? "an item" : $"the property '{property}'";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
