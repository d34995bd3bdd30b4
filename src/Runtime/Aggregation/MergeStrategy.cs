namespace McpFleet.Aggregation;

/// <summary>Every successful result, combined by a typed merge function; waits for every target.</summary>
internal sealed class MergeStrategy<TResult, TMerged>(Func<IReadOnlyList<TResult>, TMerged> merge) : AggregationStrategy<TResult, TMerged>
{
    public override string Name => "merge";

    internal override AggregationVerdict<TMerged> Aggregate(FanOutProgress<TResult> progress)
    {
        var successes = progress.Successes().ToList();
        return AggregationVerdict<TMerged>.Reached(merge([.. successes.Select(s => s.Value!)]), [.. successes.Select(s => s.Server)]);
    }
}
