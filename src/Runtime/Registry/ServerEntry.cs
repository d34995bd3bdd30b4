using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Resilience;
using McpFleet.Routing;

namespace McpFleet.Registry;

/// <summary>
/// Everything the runtime keeps for one server: its definition, connection, health, drift verdict, routing state and
/// the gate that bounds its concurrent calls. A server leaving the fleet is drained: no new calls, and it is disposed once the calls
/// in flight have completed.
/// </summary>
internal sealed class ServerEntry : IAsyncDisposable
{
    private readonly SemaphoreSlim _concurrency;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _draining;

    public ServerEntry(
        ServerDefinition definition,
        ServerConnection connection,
        HealthTracker health,
        HealthMonitor monitor,
        ServerCallPipelines pipelines,
        DriftGuard drift,
        int maxConcurrentCalls,
        TimeProvider timeProvider)
    {
        Definition = definition;
        Connection = connection;
        Drift = drift;
        Health = health;
        Monitor = monitor;
        Pipelines = pipelines;
        State = new ServerState(definition.Name, definition.Weight, definition.Priority, definition.Tags, timeProvider);
        _concurrency = new SemaphoreSlim(definition.MaxConcurrency ?? maxConcurrentCalls);
    }

    public ServerDefinition Definition { get; }

    public string Name => Definition.Name;

    public ServerState State { get; }

    public ServerConnection Connection { get; }

    public HealthTracker Health { get; }

    public HealthMonitor Monitor { get; }

    /// <summary>The circuit breakers and timeouts of calls on this server.</summary>
    public ServerCallPipelines Pipelines { get; }
    /// <summary>The drift verdict of the server's sessions, which refuses the calls its policy blocks.</summary>
    public DriftGuard Drift { get; }

    public bool IsDraining => _draining;

    /// <summary>Whether routing should offer this server: not leaving, and not known to be unhealthy.</summary>
    public bool IsRoutable => !_draining && Health.Current != ServerHealth.Unhealthy;

    /// <summary>Counts a call in.</summary>
    /// <exception cref="ServerConnectionException">The server is draining: it takes no new calls.</exception>
    public void Enter()
    {
        Interlocked.Increment(ref _inFlight);
        if (_draining)
        {
            Exit();
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

    /// <summary>Waits for a slot under the server's concurrency bound; dispose the result to free it.</summary>
    public async ValueTask<ConcurrencySlot> AcquireAsync(CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ConcurrencySlot(_concurrency);
    }

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
        _concurrency.Dispose();
    }

    /// <summary>A held slot of the concurrency bound.</summary>
    internal readonly struct ConcurrencySlot(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
