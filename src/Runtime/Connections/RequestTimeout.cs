namespace McpFleet.Connections;

/// <summary>A caller's cancellation combined with a time limit measured by a <see cref="TimeProvider"/>.</summary>
internal sealed class RequestTimeout : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _limit;
    private readonly CancellationTokenSource _linked;

    public RequestTimeout(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _caller = cancellationToken;
        _limit = new CancellationTokenSource(limit, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _limit.Token);
    }

    /// <summary>Cancelled when the caller cancels or the time is up.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the time ran out, as opposed to the caller cancelling.</summary>
    public bool HasExpired => _limit.IsCancellationRequested && !_caller.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _limit.Dispose();
    }
}
