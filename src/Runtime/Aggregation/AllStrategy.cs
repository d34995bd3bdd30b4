namespace McpFleet.Aggregation;

/// <summary>Every successful result, in target order; waits for every target.</summary>
internal sealed class AllStrategy<TResult> : AggregationStrategy<TResult, IReadOnlyList<TResult>>
{
    public override string Name => "all";

    internal override AggregationVerdict<IReadOnlyList<TResult>> Aggregate(FanOutProgress<TResult> progress)
    {
        var successes = progress.Successes().ToList();
        return AggregationVerdict<IReadOnlyList<TResult>>.Reached([.. successes.Select(s => s.Value!)], [.. successes.Select(s => s.Server)]);
    }
}
