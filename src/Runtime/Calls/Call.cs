using McpFleet.Resilience;
using McpFleet.Tools;

namespace McpFleet.Calls;

/// <summary>
/// One call on its way through the stages: what it is addressed to, its request, its candidates and which of them were
/// tried, what each attempt came to, and the token that ends it — cancelled by the caller, by the call's deadline and by
/// the fleet shutting down, whichever comes first. Hedged attempts share it, so what they change is changed atomically.
/// </summary>
internal sealed class Call : IDisposable
{
    private readonly CancellationTokenSource _ending;
    private readonly CancellationTokenRegistration _caller;
    private readonly CancellationTokenRegistration _shutdown;
    private readonly CancellationToken _callerToken;
    private readonly CancellationToken _shutdownToken;
    private readonly ulong[]? _triedMany;
    private ulong _tried;
    private int _triedCount;
    private int _retriesLeft;
    private List<AttemptFailure>? _failures;

    public Call(CallTarget target, CallCandidate[] candidates, ToolRequest request, TimeSpan deadline, TimeProvider time, CancellationToken callerToken, CancellationToken shutdownToken)
    {
        Target = target;
        Candidates = candidates;
        Request = request;
        Deadline = deadline;
        _callerToken = callerToken;
        _shutdownToken = shutdownToken;
        _ending = deadline == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(deadline, time);
        _caller = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _ending);
        _shutdown = shutdownToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _ending);
        _triedMany = candidates.Length > 64 ? new ulong[(candidates.Length + 63) / 64] : null;
        var settings = target.Settings;
        _retriesLeft = settings.Retry.MaxRetryAttempts;

        // Whether a request that may have run can be sent again, by the stricter of each candidate's snapshot and live hints.
        MayResend = settings.Resend == ResendPolicy.Always || (settings.Resend == ResendPolicy.Automatic && Array.TrueForAll(candidates, c => c.IsIdempotent));
        MayHedge = settings.Hedging is not null && candidates.Length > 1
            && (settings.Resend == ResendPolicy.Always || (settings.Resend == ResendPolicy.Automatic && Array.TrueForAll(candidates, c => c.IsReadOnly)));
    }

    public CallTarget Target { get; }

    public CallCandidate[] Candidates { get; }

    public ToolRequest Request { get; }

    /// <summary>How long the whole call may take, all attempts together.</summary>
    public TimeSpan Deadline { get; }

    /// <summary>Cancelled when the caller cancels, the deadline passes or the fleet shuts down.</summary>
    public CancellationToken Token => _ending.Token;

    public bool MayResend { get; }

    public bool MayHedge { get; }

    public bool CallerCancelled => _callerToken.IsCancellationRequested;

    public bool ShuttingDown => _shutdownToken.IsCancellationRequested;

    /// <summary>Whether the deadline (not the caller, not a shutdown) ended the call.</summary>
    public bool DeadlineExpired => _ending.IsCancellationRequested && !CallerCancelled && !ShuttingDown;

    public CancellationToken CallerToken => _callerToken;

    /// <summary>Cancelled when the fleet shuts down.</summary>
    public CancellationToken ShutdownToken => _shutdownToken;

    /// <summary>Whether some candidate has not been tried yet: the next attempt would be a failover.</summary>
    public bool HasUntried => Volatile.Read(ref _triedCount) < Candidates.Length;

    /// <summary>The failed attempts so far, in order.</summary>
    public IReadOnlyList<AttemptFailure> Failures
    {
        get
        {
            if (Volatile.Read(ref _failures) is not { } failures)
            {
                return [];
            }

            lock (failures)
            {
                return [.. failures];
            }
        }
    }

    public bool WasTried(int index) =>
        (_triedMany is null ? Volatile.Read(ref _tried) : Volatile.Read(ref _triedMany[index / 64])) is var word && (word & (1UL << (index % 64))) != 0;

    /// <summary>Marks a candidate as tried.</summary>
    public void MarkTried(int index)
    {
        var bit = 1UL << (index % 64);
        var before = _triedMany is null ? Interlocked.Or(ref _tried, bit) : Interlocked.Or(ref _triedMany[index / 64], bit);
        if ((before & bit) == 0)
        {
            Interlocked.Increment(ref _triedCount);
        }
    }

    /// <summary>Records a failed attempt.</summary>
    public void Record(AttemptFailure failure)
    {
        var failures = Volatile.Read(ref _failures) ?? Interlocked.CompareExchange(ref _failures, [], null) ?? _failures!;
        lock (failures)
        {
            failures.Add(failure);
        }
    }

    /// <summary>Spends one retry of the budget, if any is left.</summary>
    public bool TrySpendRetry()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _retriesLeft);
            if (left == 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _retriesLeft, left - 1, left) != left);
        return true;
    }

    public void Dispose()
    {
        _caller.Dispose();
        _shutdown.Dispose();
        _ending.Dispose();
    }
}
