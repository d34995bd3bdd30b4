namespace McpFleet.Cli.Repl.Input;

/// <summary>The completions of the word at the end of a partly typed line.</summary>
/// <param name="WordStart">Where the word being typed starts in the line.</param>
/// <param name="Matches">The candidates that start with what is typed, sorted.</param>
internal sealed record LineCompletion(int WordStart, IReadOnlyList<string> Matches)
{
    /// <summary>Completes the last word of <paramref name="line"/> from the candidates for its position.</summary>
    /// <param name="line">The text before the cursor.</param>
    /// <param name="candidates">The candidates for the next word, given the words before it.</param>
    public static LineCompletion Complete(string line, Func<IReadOnlyList<string>, IEnumerable<string>> candidates)
    {
        var wordStart = line.Length;
        while (wordStart > 0 && !char.IsWhiteSpace(line[wordStart - 1]))
        {
            wordStart--;
        }

        var typed = line[wordStart..];
        var previous = line[..wordStart].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return new LineCompletion(
            wordStart,
            [.. candidates(previous).Where(candidate => candidate.StartsWith(typed, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The longest text every match starts with: what Tab can fill in.</summary>
    public string CommonPrefix
    {
        get
        {
            if (Matches.Count == 0)
            {
                return "";
            }

            var prefix = Matches[0];
            foreach (var match in Matches.Skip(1))
            {
                var length = 0;
                while (length < prefix.Length && length < match.Length && prefix[length] == match[length])
                {
                    length++;
                }

                prefix = prefix[..length];
            }

            return prefix;
        }
    }
}
