namespace McpFleet.Alerts;

/// <summary>
/// The calls of one scope over a sliding window: their outcomes and latencies, the oldest dropped as they leave the
/// window or beyond <see cref="Capacity"/> calls, so memory stays bounded however busy the fleet is.
/// </summary>
internal sealed class CallWindow(TimeSpan window, TimeProvider time)
{
    /// <summary>The most calls kept: a p99 over more would not differ for an alert.</summary>
    public const int Capacity = 10_000;

    private readonly Queue<(long Timestamp, TimeSpan Latency, bool Failed)> _calls = new();
    private readonly Lock _gate = new();

    public void Add(TimeSpan latency, bool failed)
    {
        lock (_gate)
        {
            if (_calls.Count == Capacity)
            {
                _calls.Dequeue();
            }

            _calls.Enqueue((time.GetTimestamp(), latency, failed));
        }
    }

    /// <summary>The calls in the window now: how many, the share that failed, and the 99th percentile of latency.</summary>
    public (int Calls, double ErrorRate, TimeSpan P99) Measure()
    {
        TimeSpan[] latencies;
        var failed = 0;
        lock (_gate)
        {
            while (_calls.TryPeek(out var oldest) && time.GetElapsedTime(oldest.Timestamp) > window)
            {
                _calls.Dequeue();
            }

            latencies = new TimeSpan[_calls.Count];
            var i = 0;
            foreach (var call in _calls)
            {
                latencies[i++] = call.Latency;
                failed += call.Failed ? 1 : 0;
            }
        }

        if (latencies.Length == 0)
        {
            return (0, 0, TimeSpan.Zero);
        }

        // Nearest rank.
        Array.Sort(latencies);
        var rank = (int)Math.Ceiling(0.99 * latencies.Length) - 1;
        return (latencies.Length, (double)failed / latencies.Length, latencies[rank]);
    }
}
