using System.Globalization;
using McpFleet.Drift;

namespace McpFleet.Cli.Check;

/// <summary>The words used for check outcomes, shared by the plain and live displays.</summary>
internal static class CheckSummary
{
    private static readonly string[] s_statuses = ["ok", "changed", "broken", "failed"];

    /// <summary>A server's status word: <c>ok</c>, <c>changed</c> (drift that does not fail the check), <c>broken</c>
    /// (drift that does) or <c>failed</c> (not checked).</summary>
    public static string Status(ServerCheckOutcome outcome, IReadOnlySet<DriftClass> failOn) =>
        !outcome.Checked ? "failed"
        : outcome.Changes.Count == 0 ? "ok"
        : outcome.Fails(failOn) ? "broken"
        : "changed";

    /// <summary>What was found, e.g. <c>2 changes (1 breaking, 1 description change)</c>.</summary>
    public static string Findings(ServerCheckOutcome outcome)
    {
        if (!outcome.Checked)
        {
            return outcome.Error!;
        }

        var found = outcome.Changes.Count == 0
            ? $"matches its snapshot ({Count(outcome.ToolCount, "tool")})"
            : $"{Count(outcome.Changes.Count, "change")} ({string.Join(", ", outcome.Changes.GroupBy(c => c.Class).OrderBy(g => g.Key).Select(g => Count(g.Count(), DriftNames.Describe(g.Key))))})";
        return outcome.WriteResult is { } written ? $"{found}; snapshot {written.ToString().ToLowerInvariant()}: {outcome.FilePath}" : found;
    }

    /// <summary>One line per change: <c>echo: parameter 'message': type string → number (breaking)</c>.</summary>
    public static IEnumerable<string> ChangeLines(ServerCheckOutcome outcome) =>
        outcome.Changes.Select(change => $"{change.ToolName}: {change.Detail} ({DriftNames.Describe(change.Class)})");

    public static string Total(IReadOnlyList<ServerCheckOutcome> outcomes, IReadOnlySet<DriftClass> failOn, string snapshotDirectory, bool update)
    {
        var counts = outcomes.GroupBy(o => Status(o, failOn)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var parts = s_statuses
            .Where(counts.ContainsKey)
            .Select(status => $"{counts[status]} {status}");
        var verb = update ? "Checked and updated" : "Checked";
        return $"{verb} {Count(outcomes.Count, "server")} against {snapshotDirectory}: {string.Join(", ", parts)}.";
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 || noun.EndsWith("breaking", StringComparison.Ordinal) || noun == "compatible" ? "" : "s")}");
}
