using System.Buffers;
using System.Text;
using System.Text.Json;

namespace McpFleet.Aggregation;

/// <summary>
/// JSON in a canonical form, so that structurally equal values compare equal as text: object properties sorted
/// ordinally by name, numbers written by value (<c>1</c>, <c>1.0</c> and <c>1e0</c> alike), no whitespace.
/// </summary>
internal static class CanonicalJson
{
    public static string ToCanonicalString(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                WriteNumber(writer, element);
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBooleanValue(element.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
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
