using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells when the code under test has started waiting on it. FakeTimeProvider
/// does not expose its timers, and a test that advances the clock before the timer it means to fire exists fires nothing.
/// </summary>
internal sealed class TimerAwareFakeTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];
    private readonly List<(int Count, TaskCompletionSource Waiter)> _waiters = [];

    /// <summary>The timers that are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> timers are pending, e.g. when the code under test waits; throws a
    /// <see cref="TimeoutException"/> after 60 s, so a test fails rather than hangs.
    /// </summary>
    public Task WaitForTimersAsync(int count = 1)
    {
        lock (_gate)
        {
            if (_pending.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        Track(timer, dueTime, period);
        timer.Inner = base.CreateTimer(
            callbackState =>
            {
                timer.Fired();
                callback(callbackState);
            },
            state,
            dueTime,
            period);
        return timer;
    }

    private void Track(TrackedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Periodic = period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _pending.Remove(timer);
                return;
            }

            _pending.Add(timer);
            foreach (var entry in _waiters.Where(w => _pending.Count >= w.Count).ToList())
            {
                _waiters.Remove(entry);
                entry.Waiter.SetResult();
            }
        }
    }

    private void Untrack(TrackedTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    private sealed class TrackedTimer(TimerAwareFakeTimeProvider clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public bool Periodic { get; set; }

        public void Fired()
        {
            if (!Periodic)
            {
                clock.Untrack(this);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Track(this, dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Untrack(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
