using System.Globalization;
using System.Text;

namespace McpFleet.Generator.Emit;

/// <summary>Writes C# string literals for any text, e.g. wire names and enum values.</summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// A regular string literal. Control, format and line-separator characters and lone surrogates are escaped: raw,
    /// they could end the line, hide text from a reviewer (bidirectional controls), or not be encodable as UTF-8.
    /// </summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate
            or UnicodeCategory.OtherNotAssigned => true,
        _ => false,
    };
}
