using System.Text;

namespace McpFleet.Cli.Repl;

/// <summary>
/// Splits a command line into words as a POSIX shell does, without expansions: whitespace separates words, single
/// quotes keep everything literally, double quotes keep whitespace, and a backslash escapes the next character
/// (inside double quotes only <c>"</c> and <c>\</c>). On Windows a backslash is a path separator, so it escapes only a
/// quote, and <c>C:\tools\server.exe</c> or <c>\\host\share</c> stay as written.
/// </summary>
internal static class CommandLineWords
{
    /// <exception cref="ReplException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Split(string text) => Split(text, windowsPaths: OperatingSystem.IsWindows());

    /// <summary>Splits with Windows' reading of backslashes, or POSIX's.</summary>
    /// <exception cref="ReplException">A quote is not closed.</exception>
    internal static IReadOnlyList<string> Split(string text, bool windowsPaths)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new ReplException($"Unclosed ' in: {text}");
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, word, windowsPaths);
                    inWord = true;
                    break;
                case '\\' when i + 1 < text.Length && (!windowsPaths || text[i + 1] is '\'' or '"'):
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case var _ when char.IsWhiteSpace(c):
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Quotes <paramref name="word"/> so that <see cref="Split(string)"/> reads it back as one word.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>Appends the double-quoted text starting at <paramref name="start"/>; returns the index of the closing quote.</summary>
    private static int ReadDoubleQuoted(string text, int start, StringBuilder word, bool windowsPaths)
    {
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    return i;
                case '\\' when i + 1 < text.Length && (text[i + 1] == '"' || (text[i + 1] == '\\' && !windowsPaths)):
                    word.Append(text[++i]);
                    break;
                default:
                    word.Append(text[i]);
                    break;
            }
        }

        throw new ReplException($"Unclosed \" in: {text}");
    }
}
