using System.Globalization;
using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Which of a snapshot's tools get typed proxies: those its <c>IncludeTools</c> metadata names (all when it is unset),
/// less those its <c>ExcludeTools</c> names. An entry is a tool name where <c>*</c> matches any run of characters
/// (<c>billing_*</c>); names are compared as written, case included. The other tools get no generated code, and stay
/// callable through the runtime by name.
/// </summary>
internal sealed class ToolSelection
{
    private static readonly char[] s_separators = ['|', ';'];

    private readonly Pattern[]? _include;
    private readonly Pattern[] _exclude;

    private ToolSelection(Pattern[]? include, Pattern[] exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <param name="include">The <c>McpFleetIncludeTools</c> metadata: entries separated by <c>|</c> (MSBuild's <c>;</c>, which editorconfig cannot carry).</param>
    /// <param name="exclude">The <c>McpFleetExcludeTools</c> metadata, in the same form.</param>
    public static ToolSelection Create(string? include, string? exclude) =>
        new(include is null ? null : Parse(include, "IncludeTools"), exclude is null ? [] : Parse(exclude, "ExcludeTools"));

    public bool Selects(string wireName)
    {
        if (_include is not null && !_include.Any(pattern => pattern.Matches(wireName)))
        {
            return false;
        }

        return !_exclude.Any(pattern => pattern.Matches(wireName));
    }

    /// <summary>Reports each entry that matches none of <paramref name="wireNames"/>: a misspelt name would select nothing, silently.</summary>
    public void ReportUnmatched(IReadOnlyList<string> wireNames, SnapshotDiagnostics diagnostics)
    {
        foreach (var pattern in (_include ?? []).Concat(_exclude))
        {
            if (!wireNames.Any(pattern.Matches))
            {
                diagnostics.Add(
                    DiagnosticDescriptors.ToolFilterMatchesNothing,
                    diagnostics.AtStart(),
                    pattern.Metadata,
                    diagnostics.FileName,
                    pattern.Text,
                    wireNames.Count.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private static Pattern[] Parse(string entries, string metadata) =>
        entries.Split(s_separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Trim())
            .Where(entry => entry.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(entry => new Pattern(entry, metadata))
            .ToArray();

    /// <summary>A tool name with <c>*</c> wildcards.</summary>
    private sealed class Pattern(string text, string metadata)
    {
        private readonly string[] _parts = text.Split('*');

        public string Text => text;

        /// <summary>The item metadata the pattern comes from, for messages.</summary>
        public string Metadata => metadata;

        public bool Matches(string name)
        {
            if (_parts.Length == 1)
            {
                return string.Equals(name, text, StringComparison.Ordinal);
            }

            // The first part anchors the start, the last the end, and the ones between are found in order, leftmost first.
            var first = _parts[0];
            var last = _parts[_parts.Length - 1];
            if (name.Length < first.Length + last.Length
                || !name.StartsWith(first, StringComparison.Ordinal)
                || !name.EndsWith(last, StringComparison.Ordinal))
            {
                return false;
            }

            var position = first.Length;
            var end = name.Length - last.Length;
            for (var i = 1; i < _parts.Length - 1; i++)
            {
                var found = _parts[i].Length == 0 ? position : name.IndexOf(_parts[i], position, end - position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + _parts[i].Length;
            }

            return true;
        }
    }
}
