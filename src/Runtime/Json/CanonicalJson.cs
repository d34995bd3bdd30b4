using System.Buffers;
using System.Text;
using System.Text.Json;

namespace McpFleet.Json;

/// <summary>
/// JSON in one canonical text, so that structurally equal values compare equal as text: object properties sorted
/// ordinally by name at every depth (a stable sort, so repeated names keep their order), strings re-escaped the one way
/// <see cref="Utf8JsonWriter"/> escapes them, numbers written by value (<c>1</c>, <c>1.0</c> and <c>1e0</c> alike), no
/// whitespace. Drift fingerprints, cache keys and majority votes all compare through it.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical text of <paramref name="value"/>.</summary>
    public static string Write(JsonElement value) => Write(writer => Write(writer, value));

    /// <summary>The canonical text of an object holding <paramref name="properties"/>, e.g. a call's arguments.</summary>
    public static string Write(IReadOnlyDictionary<string, JsonElement> properties) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties.OrderBy(property => property.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }

        writer.WriteEndObject();
    });

    /// <summary>Writes <paramref name="value"/> canonically.</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(property => property.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                WriteNumber(writer, value);
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBooleanValue(value.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>The text that <paramref name="write"/> writes, compact.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonElement number)
    {
        if (number.TryGetInt64(out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if (number.TryGetDecimal(out var value))
        {
            // Dividing by one with many zeros drops the trailing zeros a decimal keeps (1.50 → 1.5, 2.0 → 2).
            var normalized = value / 1.000000000000000000000000000000000m;
            if (decimal.IsInteger(normalized) && normalized is >= long.MinValue and <= long.MaxValue)
            {
                writer.WriteNumberValue((long)normalized);
            }
            else
            {
                writer.WriteNumberValue(normalized);
            }
        }
        else if (number.TryGetDouble(out var approximate) && double.IsFinite(approximate))
        {
            writer.WriteNumberValue(approximate);
        }
        else
        {
            writer.WriteRawValue(number.GetRawText());
        }
    }
}
