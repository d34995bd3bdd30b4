using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Resilience;
using McpFleet.Routing;

namespace McpFleet.Registry;

/// <summary>
/// Everything the runtime keeps for one server instance: its definition, connection, health, circuit breakers, drift
/// verdict, routing state and (when configured) the bound on its concurrent calls. A server leaving the fleet is drained:
/// no new calls, and it is disposed once the calls in flight have completed.
/// </summary>
internal sealed class ServerEntry : IAsyncDisposable
{
    private readonly SemaphoreSlim? _concurrency;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _draining;

    public ServerEntry(
        ServerDefinition definition,
        ServerConnection connection,
        HealthFeed health,
        HealthMonitor monitor,
        ReplicaBreakers breakers,
        DriftGuard drift,
        int maxConcurrentCalls,
        TimeProvider timeProvider)
    {
        Definition = definition;
        Connection = connection;
        Drift = drift;
        Health = health;
        Monitor = monitor;
        Breakers = breakers;
        State = new ServerState(definition.Name, definition.Weight, definition.Priority, definition.Tags, timeProvider);
        var bound = definition.MaxConcurrency ?? maxConcurrentCalls;
        _concurrency = bound == int.MaxValue ? null : new SemaphoreSlim(bound);
    }

    public ServerDefinition Definition { get; }

    public string Name => Definition.Name;

    public ServerState State { get; }

    public ServerConnection Connection { get; }

    /// <summary>Where the server's health signals go.</summary>
    public HealthFeed Health { get; }

    public HealthMonitor Monitor { get; }

    /// <summary>The server's circuit breakers, its own and its tools'.</summary>
    public ReplicaBreakers Breakers { get; }

    /// <summary>The drift verdict of the server's sessions, which refuses the calls its policy blocks.</summary>
    public DriftGuard Drift { get; }

    public bool IsDraining => _draining;

    /// <summary>Whether routing should offer this server: not leaving, and not known to be unhealthy.</summary>
    public bool IsRoutable => !_draining && Health.Tracker.Current != ServerHealth.Unhealthy;

    /// <summary>Counts a call in; <see langword="false"/> when the server is draining and takes no new calls.</summary>
    public bool TryEnter()
    {
        Interlocked.Increment(ref _inFlight);
        if (_draining)
        {
            Exit();
            return false;
        }

        return true;
    }

    /// <summary>Counts a call in.</summary>
    /// <exception cref="ServerConnectionException">The server is draining: it takes no new calls.</exception>
    public void Enter()
    {
        if (!TryEnter())
        {
            throw new ServerConnectionException(Name, ConnectionFailureKind.Draining, $"Server '{Name}' is leaving the fleet.");
        }
    }

    /// <summary>Counts a call out.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _draining)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Waits for a slot under the server's concurrency bound, if it has one; dispose the result to free it.</summary>
    public ValueTask<ConcurrencySlot> AcquireAsync(CancellationToken cancellationToken) =>
        _concurrency is null ? default : WaitAsync(_concurrency, cancellationToken);

    /// <summary>Takes no new calls and completes once the calls in flight have, or after <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        _draining = true;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The calls left are cut off when the connection is disposed.
        }
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    public async ValueTask DisposeAsync()
    {
        _draining = true;
        await Monitor.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
        _concurrency?.Dispose();
    }

    private static async ValueTask<ConcurrencySlot> WaitAsync(SemaphoreSlim concurrency, CancellationToken cancellationToken)
    {
        await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ConcurrencySlot(concurrency);
    }

    /// <summary>A held slot of the concurrency bound (none when the server has no bound).</summary>
    internal readonly struct ConcurrencySlot(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
