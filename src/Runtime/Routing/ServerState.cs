using System.Collections.Immutable;

namespace McpFleet.Routing;

/// <summary>
/// The live view of one server that routing works from: its configured weight and priority, and counters the runtime
/// keeps current (calls in flight, latency, health). Thread-safe.
/// </summary>
public sealed class ServerState
{
    // The weight of a new latency sample in the moving average: recent calls count, one outlier does not dominate.
    private const double LatencySmoothing = 0.3;

    // How fast an unrefreshed average fades: a replica not called for a few seconds (say, after one slow cold-start call)
    // looks fast again and is tried, instead of being passed over for good.
    private static readonly TimeSpan s_latencyDecay = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private int _outstandingRequests;
    private long _latencyEwmaTicks;
    private long _latencyMeasuredAt;

    /// <summary>Creates the state of a server.</summary>
    /// <param name="name">The fleet's name for the server.</param>
    /// <param name="weight">Its share under weighted routing; at least 1.</param>
    /// <param name="priority">Its rank under priority routing: higher first.</param>
    /// <param name="tags">Its tags.</param>
    /// <param name="timeProvider">The clock that ages <see cref="LatencyEwma"/> in <see cref="LatencyEstimate"/>.</param>
    public ServerState(string name, int weight = 1, int priority = 0, IEnumerable<string>? tags = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        Name = name;
        Weight = weight;
        Priority = priority;
        Tags = tags?.ToImmutableSortedSet(StringComparer.Ordinal) ?? [];
        NameHash = StableHash.Of(name);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The fleet's name for the server.</summary>
    public string Name { get; }

    /// <summary>Its share under weighted routing.</summary>
    public int Weight { get; }

    /// <summary>Its rank under priority routing: higher first.</summary>
    public int Priority { get; }

    /// <summary>Its tags, e.g. a region or a tier.</summary>
    public ImmutableSortedSet<string> Tags { get; }

    /// <summary>Calls sent to the server that have not completed.</summary>
    public int OutstandingRequests => Volatile.Read(ref _outstandingRequests);

    /// <summary>The exponentially weighted moving average of its call latency; zero until a call completed.</summary>
    public TimeSpan LatencyEwma => TimeSpan.FromTicks(Interlocked.Read(ref _latencyEwmaTicks));

    /// <summary>
    /// What a call is expected to take now: <see cref="LatencyEwma"/>, fading the longer it goes without a new sample
    /// (by a factor of e every second), so a replica that was slow once is measured again. Zero until a call completed.
    /// </summary>
    public TimeSpan LatencyEstimate
    {
        get
        {
            var ewma = Interlocked.Read(ref _latencyEwmaTicks);
            var age = _time.GetElapsedTime(Interlocked.Read(ref _latencyMeasuredAt));
            return ewma == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(1, (long)(ewma * Math.Exp(-age / s_latencyDecay))));
        }
    }

    /// <summary>The server's health; unhealthy servers are not offered to routing while healthy ones are.</summary>
    public Health.ServerHealth Health { get; internal set; }

    /// <summary>A stable hash of <see cref="Name"/>, for hash-based routing.</summary>
    internal ulong NameHash { get; }

    /// <summary>Counts a call as started; dispose the result when it completes.</summary>
    internal OutstandingRequest BeginRequest()
    {
        Interlocked.Increment(ref _outstandingRequests);
        return new OutstandingRequest(this);
    }

    /// <summary>Folds a completed call's latency into <see cref="LatencyEwma"/>.</summary>
    internal void RecordLatency(TimeSpan latency)
    {
        long current, updated;
        do
        {
            current = Interlocked.Read(ref _latencyEwmaTicks);
            updated = current == 0 ? latency.Ticks : current + (long)(LatencySmoothing * (latency.Ticks - current));
        }
        while (Interlocked.CompareExchange(ref _latencyEwmaTicks, Math.Max(updated, 1), current) != current);
        Interlocked.Exchange(ref _latencyMeasuredAt, _time.GetTimestamp());
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>A call in flight; disposing it ends the count.</summary>
    internal readonly struct OutstandingRequest(ServerState server) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref server._outstandingRequests);
    }
}
