using System.Globalization;
using System.Text;

namespace McpFleet.Generator.Json;

/// <summary>Writes a node back as compact JSON, for documentation such as "Default: {"a":1}.".</summary>
internal static class CompactJson
{
    /// <summary>A string as a JSON string literal, e.g. for a rule suggested in a message.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder();
        WriteString(value, builder);
        return builder.ToString();
    }

    public static string Write(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(JsonNode node, StringBuilder builder)
    {
        switch (node)
        {
            case JsonObject obj:
                builder.Append('{');
                for (var i = 0; i < obj.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(obj.Properties[i].Name, builder);
                    builder.Append(':');
                    Write(obj.Properties[i].Value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(array.Items[i], builder);
                }

                builder.Append(']');
                break;
            case JsonString text:
                WriteString(text.Value, builder);
                break;
            case JsonNumber number:
                builder.Append(number.Text);
                break;
            case JsonBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
