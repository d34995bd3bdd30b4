namespace McpFleet.Health;

/// <summary>
/// One server's health state machine, fed by probes and by calls: enough failures in a row make it unhealthy, one
/// success makes it healthy again. Thread-safe; transitions are reported outside the lock.
/// </summary>
internal sealed class HealthTracker(string serverName, int failureThreshold, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private volatile ServerHealth _current;
    private volatile int _consecutiveFailures;
    private DateTimeOffset _since = timeProvider.GetUtcNow();

    /// <summary>Raised after every transition.</summary>
    public event EventHandler<ServerHealthChangedEventArgs>? Changed;

    /// <summary>The health now; read without a lock, as routing reads it on every call.</summary>
    public ServerHealth Current => _current;

    public int ConsecutiveFailures => _consecutiveFailures;

    /// <summary>When the current state began.</summary>
    public DateTimeOffset Since
    {
        get
        {
            lock (_gate)
            {
                return _since;
            }
        }
    }

    public void RecordSuccess(string reason)
    {
        // Most successes change nothing: no lock for them.
        if (_current == ServerHealth.Healthy && _consecutiveFailures == 0)
        {
            return;
        }

        Transition(succeeded: true, reason);
    }

    public void RecordFailure(string reason) => Transition(succeeded: false, reason);

    /// <summary>Makes the server unhealthy at once, whatever the threshold: its circuit breaker opened.</summary>
    public void RecordBreak(string reason) => Transition(succeeded: false, reason, unhealthyNow: true);

    private void Transition(bool succeeded, string reason, bool unhealthyNow = false)
    {
        ServerHealth previous, next;
        DateTimeOffset now;
        lock (_gate)
        {
            previous = _current;
            _consecutiveFailures = succeeded ? 0 : _consecutiveFailures + 1;
            next = succeeded ? ServerHealth.Healthy
                : unhealthyNow || _consecutiveFailures >= failureThreshold ? ServerHealth.Unhealthy
                : previous;
            if (next == previous)
            {
                return;
            }

            now = timeProvider.GetUtcNow();
            _current = next;
            _since = now;
        }

        Changed?.Invoke(this, new ServerHealthChangedEventArgs(serverName, previous, next, reason, now));
    }
}
