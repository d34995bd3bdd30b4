using System.Text;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Turns text from a snapshot into XML documentation content that cannot break the generated file: the consumer
/// builds with documentation checks and warnings as errors, so badly formed XML (CS1570) would fail their build.
/// </summary>
internal static class DocText
{
    /// <summary>
    /// Escaped text whose line breaks are kept as <c>&lt;br/&gt;</c> followed by <c>\n</c>, so IntelliSense shows
    /// them. Every character C# treats as a line break counts as one: left inside a <c>///</c> line, it would end the
    /// comment and turn the rest into code.
    /// </summary>
    public static string Text(string raw)
    {
        var escaped = Escape(raw);
        if (escaped.IndexOf('\n') < 0)
        {
            return escaped.TrimEnd();
        }

        var lines = escaped.Split('\n').Select(line => line.TrimEnd()).ToList();

        // Blank lines at either end are dropped by index: removing them one by one is quadratic in their number.
        var first = lines.FindIndex(line => line.Length > 0);
        var last = lines.FindLastIndex(line => line.Length > 0);
        return first < 0 ? "" : string.Join("<br/>\n", lines.Skip(first).Take(last - first + 1));
    }

    /// <summary>Escaped text on one line, for short values such as names and titles.</summary>
    public static string Inline(string raw)
    {
        var escaped = Escape(raw);
        return escaped.IndexOf('\n') < 0
            ? escaped.Trim()
            : string.Join(" ", escaped.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    /// <summary>Text as inline code: <c>&lt;c&gt;get-item&lt;/c&gt;</c>.</summary>
    public static string Code(string raw) => "<c>" + Inline(raw) + "</c>";

    /// <summary>
    /// Ends a sentence before more text is appended to it ("Days ahead" + "Default: 3." gives "Days ahead. Default: 3.").
    /// </summary>
    public static string EndSentence(string text)
    {
        var last = text.Length == 0 ? '.' : text[text.Length - 1];
        return char.IsLetterOrDigit(last) || last is ')' or '"' or '\'' or '>' ? text + "." : text;
    }

    private static string Escape(string raw)
    {
        // Most text (names, titles, descriptions) has nothing to escape.
        var first = 0;
        while (first < raw.Length && !NeedsEscape(raw[first]))
        {
            first++;
        }

        if (first == raw.Length)
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length + 16).Append(raw, 0, first);
        for (var i = first; i < raw.Length; i++)
        {
            var c = raw[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\r':
                    if (i + 1 < raw.Length && raw[i + 1] == '\n')
                    {
                        i++;
                    }

                    builder.Append('\n');
                    break;
                case '\n' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                case '\uFFFE' or '\uFFFF':
                    builder.Append('\uFFFD');
                    break;
                case < ' ' or '\u007F':
                    // XML 1.0 forbids most control characters; a tab reads as a space.
                    builder.Append(' ');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
                    {
                        builder.Append(c).Append(raw[++i]);
                    }
                    else
                    {
                        // A lone surrogate cannot be written as UTF-8.
                        builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="Escape"/> writes something else for the character.</summary>
    private static bool NeedsEscape(char c) => c is '&' or '<' or '>' or < ' ' or '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
