namespace McpFleet.Health;

/// <summary>
/// One server's health state machine, fed by probes and by calls: enough failures in a row make it unhealthy, one
/// success makes it healthy again. Thread-safe; transitions are reported outside the lock.
/// </summary>
internal sealed class HealthTracker(string serverName, int failureThreshold, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private ServerHealth _current;
    private int _consecutiveFailures;
    private DateTimeOffset _since = timeProvider.GetUtcNow();

    /// <summary>Raised after every transition.</summary>
    public event EventHandler<ServerHealthChangedEventArgs>? Changed;

    public ServerHealth Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
            {
                return _consecutiveFailures;
            }
        }
    }

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

    public void RecordSuccess(string reason) => Transition(succeeded: true, reason);

    public void RecordFailure(string reason) => Transition(succeeded: false, reason);

    private void Transition(bool succeeded, string reason)
    {
        ServerHealth previous, next;
        DateTimeOffset now;
        lock (_gate)
        {
            previous = _current;
            _consecutiveFailures = succeeded ? 0 : _consecutiveFailures + 1;
            next = succeeded ? ServerHealth.Healthy
                : _consecutiveFailures >= failureThreshold ? ServerHealth.Unhealthy
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
