using System.Globalization;

namespace McpFleet.Aggregation;

/// <summary>
/// A result that enough targets agree on: more than half of the targets (majority), or a fixed number (quorum).
/// Settled, and the targets still pending cancelled, as soon as enough agree or too few are left to agree.
/// </summary>
internal sealed class AgreementStrategy<TResult> : AggregationStrategy<TResult, TResult>
{
    private readonly int? _quorum;
    private readonly IEqualityComparer<TResult> _comparer;

    private AgreementStrategy(int? quorum, IEqualityComparer<TResult> comparer)
    {
        _quorum = quorum;
        _comparer = comparer;
    }

    public override string Name => _quorum is { } quorum ? string.Create(CultureInfo.InvariantCulture, $"quorum:{quorum}") : "majority";

    public static AgreementStrategy<TResult> Majority(IEqualityComparer<TResult> comparer) => new(null, comparer);

    public static AgreementStrategy<TResult> Quorum(int count, IEqualityComparer<TResult> comparer) => new(count, comparer);

    internal override bool IsSettled(FanOutProgress<TResult> progress)
    {
        var required = Required(progress);
        var largest = Agreements(progress).Select(group => group.Count).DefaultIfEmpty(0).Max();
        return largest >= required || largest + progress.Pending < required;
    }

    internal override AggregationVerdict<TResult> Aggregate(FanOutProgress<TResult> progress)
    {
        var required = Required(progress);

        // The largest agreement; among equals, the one whose first server comes first.
        var largest = Agreements(progress).OrderByDescending(group => group.Count).First();
        if (largest.Count >= required)
        {
            return AggregationVerdict<TResult>.Reached(largest[0].Value!, [.. largest.Select(outcome => outcome.Server)]);
        }

        var what = _quorum is null ? "a majority" : "the quorum";
        return AggregationVerdict<TResult>.NoAgreement(string.Create(
            CultureInfo.InvariantCulture,
            $"{what} of {required} of {progress.Targets} servers did not agree on one result; the largest agreement was {largest.Count} ({string.Join(", ", largest.Select(outcome => $"'{outcome.Server}'"))})."));
    }

    private int Required(FanOutProgress<TResult> progress) => _quorum ?? (progress.Targets / 2) + 1;

    /// <summary>The successful outcomes grouped by equal results, each group and the groups in target order.</summary>
    private List<List<ServerOutcome<TResult>>> Agreements(FanOutProgress<TResult> progress)
    {
        var groups = new List<List<ServerOutcome<TResult>>>();
        foreach (var outcome in progress.Successes())
        {
            var group = groups.Find(g => _comparer.Equals(g[0].Value, outcome.Value));
            if (group is null)
            {
                groups.Add([outcome]);
            }
            else
            {
                group.Add(outcome);
            }
        }

        return groups;
    }
}
