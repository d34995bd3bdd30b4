namespace McpFleet.Testing;

/// <summary>
/// A clock that moves only when a test calls <see cref="Advance"/>, so that time-based behaviour (debounce, refresh
/// intervals, backoff) is tested without sleeping. Timers due by the new time fire inside <see cref="Advance"/>, in
/// order. <see cref="WaitForTimersAsync"/> tells when the code under test has started waiting.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Waiter)> _waiters = [];
    private DateTimeOffset _now;

    /// <summary>Starts the clock at <paramref name="start"/>, 2026-01-01 UTC by default.</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The timers that are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> timers are pending, e.g. when the code under test waits; throws
    /// a <see cref="TimeoutException"/> after <paramref name="hangGuard"/> (default: 60 s), so a test fails rather than hangs.
    /// </summary>
    public Task WaitForTimersAsync(int count = 1, TimeSpan? hangGuard = null)
    {
        lock (_gate)
        {
            if (_timers.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            return waiter.Task.WaitAsync(hangGuard ?? TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its own due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            ManualTimer due;
            lock (_gate)
            {
                var next = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.DueAt;
                due = next;
                _timers.Remove(due);
                if (due.Period != Timeout.InfiniteTimeSpan && due.Period > TimeSpan.Zero)
                {
                    due.DueAt = _now + due.Period;
                    Schedule(due);
                }
            }

            // Outside the lock: the callback may create or change timers.
            due.Fire();
        }
    }

    private void Schedule(ManualTimer timer)
    {
        _timers.Add(timer);
        foreach (var entry in _waiters.Where(w => _timers.Count >= w.Count).ToList())
        {
            _waiters.Remove(entry);
            entry.Waiter.SetResult();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                Period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = clock._now + dueTime;
                    clock.Schedule(this);
                }
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
