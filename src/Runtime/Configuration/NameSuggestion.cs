namespace McpFleet.Configuration;

/// <summary>The closest known name to a mistyped one, for "did you mean" hints.</summary>
internal static class NameSuggestion
{
    /// <summary>The name within a few edits of <paramref name="typed"/> (case-insensitively), or <see langword="null"/>.</summary>
    public static string? Closest(string typed, IEnumerable<string> names)
    {
        // One edit per three characters, at most three: "wether" finds "weather"; "c" finds only "C", not "a".
        var allowed = Math.Min(typed.Length / 3, 3);
        return names
            .Select(name => (Name: name, Distance: Distance(typed.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(candidate => candidate.Distance <= allowed)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
    }

    /// <summary><c> Did you mean 'weather'?</c> to end a message with, or nothing.</summary>
    public static string Hint(string typed, IEnumerable<string> names) =>
        Closest(typed, names) is { } closest ? $" Did you mean '{closest}'?" : "";

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
