namespace McpFleet.Aggregation;

/// <summary>
/// A fan-out has no result: every target failed, too few succeeded, a required majority or quorum did not agree, or
/// there was no server to call. Partial failure is not an exception; this is. The outcomes of every target are kept.
/// </summary>
public sealed class FanOutException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public FanOutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public FanOutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FanOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a fan-out of <paramref name="toolName"/>.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="strategy">The aggregation strategy's name.</param>
    /// <param name="kind">Why there is no result.</param>
    /// <param name="reason">The explanation, for the message.</param>
    /// <param name="outcomes">Every target's outcome, in target order.</param>
    public FanOutException(string toolName, string strategy, FanOutFailureKind kind, string reason, IReadOnlyList<ServerOutcome> outcomes)
        : base(outcomes is { Count: > 0 }
            ? $"Fan-out of tool '{toolName}' ({strategy}) has no result: {reason} Outcomes: {string.Join("; ", outcomes)}."
            : $"Fan-out of tool '{toolName}' ({strategy}) has no result: {reason}")
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(outcomes);
        ToolName = toolName;
        Strategy = strategy;
        Kind = kind;
        Outcomes = outcomes;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; } = "";

    /// <summary>The aggregation strategy's name.</summary>
    public string Strategy { get; } = "";

    /// <summary>Why there is no result.</summary>
    public FanOutFailureKind Kind { get; }

    /// <summary>Every target's outcome, in target order; cast to <see cref="ServerOutcome{TResult}"/> for the values.</summary>
    public IReadOnlyList<ServerOutcome> Outcomes { get; } = [];
}
