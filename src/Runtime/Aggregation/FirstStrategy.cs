namespace McpFleet.Aggregation;

/// <summary>
/// The first successful result in target order (the order of preference): settled once a target has succeeded and
/// every target before it has failed, so the targets after it are cancelled.
/// </summary>
internal sealed class FirstStrategy<TResult> : AggregationStrategy<TResult, TResult>
{
    public override string Name => "first";

    internal override bool IsSettled(FanOutProgress<TResult> progress)
    {
        for (var i = 0; i < progress.Targets; i++)
        {
            switch (progress[i])
            {
                case null:
                    return false;
                case { Succeeded: true }:
                    return true;
            }
        }

        return true;
    }

    internal override AggregationVerdict<TResult> Aggregate(FanOutProgress<TResult> progress)
    {
        var first = progress.Successes().First();
        return AggregationVerdict<TResult>.Reached(first.Value!, [first.Server]);
    }
}
