namespace McpFleet.Aggregation;

/// <summary>How one server's part of a fan-out ended: its typed result or the exception, and the latency.</summary>
/// <typeparam name="TResult">The tool's result type.</typeparam>
public sealed class ServerOutcome<TResult> : ServerOutcome
{
    private ServerOutcome(string server, ServerOutcomeStatus status, TResult? value, Exception? exception, TimeSpan latency)
        : base(server, status, exception, latency) => Value = value;

    /// <summary>The result when <see cref="ServerOutcome.Succeeded"/>; otherwise the default value.</summary>
    public TResult? Value { get; }

    internal static ServerOutcome<TResult> Success(string server, TResult value, TimeSpan latency) =>
        new(server, ServerOutcomeStatus.Succeeded, value, exception: null, latency);

    internal static ServerOutcome<TResult> Failure(string server, ServerOutcomeStatus status, Exception exception, TimeSpan latency) =>
        new(server, status, default, exception, latency);
}
