namespace McpFleet.Aggregation;

/// <summary>
/// The result of a fan-out: the aggregated value, the servers it came from, and every target's outcome (value or
/// exception, latency, status), so partial failure can be inspected rather than caught.
/// </summary>
/// <typeparam name="TResult">The tool's result type.</typeparam>
/// <typeparam name="TValue">The aggregated value's type: <typeparamref name="TResult"/>, a list of them, or a merge's result.</typeparam>
public sealed class FanOutResult<TResult, TValue>
{
    internal FanOutResult(string toolName, string strategy, TValue value, IReadOnlyList<string> contributors, IReadOnlyList<ServerOutcome<TResult>> outcomes, TimeSpan duration)
    {
        ToolName = toolName;
        Strategy = strategy;
        Value = value;
        Contributors = contributors;
        Outcomes = outcomes;
        Duration = duration;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; }

    /// <summary>The aggregation strategy's name, e.g. <c>majority</c>.</summary>
    public string Strategy { get; }

    /// <summary>The aggregated value.</summary>
    public TValue Value { get; }

    /// <summary>
    /// The servers <see cref="Value"/> comes from, in target order: the chosen server for <c>first</c> and
    /// <c>fastest</c>, the agreeing servers for <c>majority</c> and <c>quorum</c>, every successful server for <c>all</c>
    /// and <c>merge</c>.
    /// </summary>
    public IReadOnlyList<string> Contributors { get; }

    /// <summary>Every target's outcome, in target order.</summary>
    public IReadOnlyList<ServerOutcome<TResult>> Outcomes { get; }

    /// <summary>From the start of the fan-out to its result.</summary>
    public TimeSpan Duration { get; }
}
