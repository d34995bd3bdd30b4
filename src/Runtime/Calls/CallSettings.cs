using McpFleet.Resilience;
using Polly;

namespace McpFleet.Calls;

/// <summary>
/// What the options say about calls of one server's tool or of one unified tool, read once: whether a call may be sent
/// again, its retries and hedging, its deadline and attempt timeout, where it fails over first, and how long its result
/// is cached. The Polly pipeline that resends it is built on first need and shared by all its calls.
/// </summary>
internal sealed class CallSettings
{
    private ResiliencePipeline<AttemptResult>? _resend;
    private ResiliencePipeline<AttemptResult>? _hedged;

    public CallSettings(string key, ResendPolicy resend, RetryOptions retry, HedgingOptions? hedging, TimeSpan? timeout, TimeSpan? attemptTimeout, IReadOnlyList<string> failoverOrder, TimeSpan? cacheTimeToLive, bool cacheConfigured)
    {
        Key = key;
        Resend = resend;
        Retry = retry;
        Hedging = hedging;
        Timeout = timeout;
        AttemptTimeout = attemptTimeout;
        FailoverOrder = failoverOrder;
        CacheTimeToLive = cacheTimeToLive;
        CacheConfigured = cacheConfigured;
    }

    /// <summary>The settings' key (<see cref="ToolKey"/>).</summary>
    public string Key { get; }

    public ResendPolicy Resend { get; }

    public RetryOptions Retry { get; }

    /// <summary>Hedging, when its delay is set.</summary>
    public HedgingOptions? Hedging { get; }

    /// <summary>The tool's own call deadline, instead of the server's or the fleet's.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>How long one attempt may take; <see langword="null"/>: only the deadline bounds it.</summary>
    public TimeSpan? AttemptTimeout { get; }

    public IReadOnlyList<string> FailoverOrder { get; }

    /// <summary>How long results stay fresh when the tool is read-only; <see langword="null"/>: not cached.</summary>
    public TimeSpan? CacheTimeToLive { get; }

    /// <summary>Whether the time-to-live was named for this tool (not just the default), for the warning about a tool
    /// that is not read-only.</summary>
    public bool CacheConfigured { get; }

    /// <summary>The resend pipeline of these calls (with hedging or without), built by <paramref name="build"/> once.</summary>
    public ResiliencePipeline<AttemptResult> ResendPipeline(bool hedged, Func<CallSettings, bool, ResiliencePipeline<AttemptResult>> build)
    {
        ref var pipeline = ref hedged ? ref _hedged : ref _resend;
        return Volatile.Read(ref pipeline) ?? Interlocked.CompareExchange(ref pipeline, build(this, hedged), null) ?? pipeline!;
    }
}
