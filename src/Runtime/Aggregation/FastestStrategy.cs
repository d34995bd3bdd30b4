namespace McpFleet.Aggregation;

/// <summary>The first result to arrive: settled by the first success, so every other target is cancelled.</summary>
internal sealed class FastestStrategy<TResult> : AggregationStrategy<TResult, TResult>
{
    public override string Name => "fastest";

    internal override bool IsSettled(FanOutProgress<TResult> progress) => progress.Succeeded > 0;

    internal override AggregationVerdict<TResult> Aggregate(FanOutProgress<TResult> progress)
    {
        var fastest = progress.CompletionOrder.Select(index => progress[index]!).First(outcome => outcome.Succeeded);
        return AggregationVerdict<TResult>.Reached(fastest.Value!, [fastest.Server]);
    }
}
