namespace McpFleet.Aggregation;

/// <summary>
/// Turns the outcomes of a fan-out into one value, and says when the answers still missing can no longer change it so
/// that their calls are cancelled. The built-in strategies, and merges through a typed function, come from
/// <see cref="AggregationStrategies"/>.
/// </summary>
/// <typeparam name="TResult">The tool's result type.</typeparam>
/// <typeparam name="TValue">The aggregated value's type.</typeparam>
public abstract class AggregationStrategy<TResult, TValue>
{
    private protected AggregationStrategy()
    {
    }

    /// <summary>A short name for telemetry, logs and messages, e.g. <c>majority</c>.</summary>
    public abstract string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// Whether the outcomes in so far settle the value, or its absence, whatever the pending targets answer: then their
    /// calls are cancelled. Called after each outcome, on one thread at a time.
    /// </summary>
    internal virtual bool IsSettled(FanOutProgress<TResult> progress) => false;

    /// <summary>Aggregates the outcomes of every target, of which at least one succeeded.</summary>
    internal abstract AggregationVerdict<TValue> Aggregate(FanOutProgress<TResult> progress);
}
