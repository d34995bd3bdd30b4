using McpFleet.Telemetry;
using McpFleet.Tools;

namespace McpFleet.Batching;

/// <summary>
/// Collects tool calls (of any tools, on any servers) and dispatches them together: as soon as
/// <see cref="CallBatchOptions.MaxBatchSize"/> calls are queued, or <see cref="CallBatchOptions.MaxDelay"/> after the
/// first of them was queued, whichever comes first. Each call then goes through the fleet's normal call path (routing,
/// failover, caching, drift blocking, telemetry) and keeps its own outcome: one failing or cancelled call never affects
/// the others. MCP has no wire-level batch (JSON-RPC batching left the protocol in revision 2025-06-18), so the
/// servers receive ordinary concurrent requests. Create one with <see cref="IFleetRuntime.CreateBatch"/>; thread-safe.
/// </summary>
public sealed class CallBatch : IAsyncDisposable
{
    private readonly IFleetRuntime _runtime;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _time;
    private readonly FleetTelemetry? _telemetry;
    private readonly ITimer _delay;
    private readonly Lock _gate = new();
    private readonly List<BatchedCall> _queued = [];
    private readonly HashSet<Task> _running = [];
    private long _firstQueuedAt;
    private bool _disposed;

    internal CallBatch(IFleetRuntime runtime, CallBatchOptions options, TimeProvider time, FleetTelemetry? telemetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _runtime = runtime;
        _maxBatchSize = options.MaxBatchSize;
        _maxDelay = options.MaxDelay;
        _time = time;
        _telemetry = telemetry;
        _delay = time.CreateTimer(static batch => ((CallBatch)batch!).OnDelayElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How many calls are queued and not yet dispatched.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>Queues a call of one server's tool (routed among its replicas, if it has some).</summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <param name="tool">The tool, as its snapshot describes it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Removes the call from the batch while it is queued; cancels it, on the server too, once dispatched.</param>
    /// <returns>The call's own outcome, as <see cref="IFleetRuntime.CallToolAsync{TArguments, TResult}(ToolDescriptor, TArguments, CancellationToken)"/> gives it.</returns>
    /// <exception cref="ObjectDisposedException">The batch is disposed.</exception>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        return Enqueue(new BatchedCall<TArguments, TResult>(tool, arguments, cancellationToken));
    }

    /// <summary>Queues a call of a unified tool, offered by several servers: routed among its members' instances.</summary>
    /// <typeparam name="TArguments">The unified tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The unified tool's generated result type.</typeparam>
    /// <param name="group">The unified tool.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Removes the call from the batch while it is queued; cancels it, on the server too, once dispatched.</param>
    /// <returns>The call's own outcome, as <see cref="IFleetRuntime.CallToolAsync{TArguments, TResult}(ToolGroupDescriptor, TArguments, CancellationToken)"/> gives it.</returns>
    /// <exception cref="ObjectDisposedException">The batch is disposed.</exception>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(arguments);
        return Enqueue(new BatchedCall<TArguments, TResult>(group, arguments, cancellationToken));
    }

    /// <summary>Dispatches the queued calls now, and waits until every call of the batch so far has its outcome.
    /// It does not throw what the calls throw: each call's task has its own outcome.</summary>
    /// <param name="cancellationToken">Stops the waiting, not the calls.</param>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Task[] outstanding;
        List<BatchedCall> dispatched;
        lock (_gate)
        {
            dispatched = TakeQueued();
            outstanding = [.. _running, .. dispatched.Select(call => call.Outcome)];
        }

        Dispatch(dispatched, BatchTrigger.Flush);
        await Task.WhenAll(outstanding).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Dispatches the queued calls and waits until every call of the batch has its outcome; new calls are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] outstanding;
        List<BatchedCall> dispatched;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            dispatched = TakeQueued();
            outstanding = [.. _running, .. dispatched.Select(call => call.Outcome)];
        }

        await _delay.DisposeAsync().ConfigureAwait(false);
        Dispatch(dispatched, BatchTrigger.Dispose);
        await Task.WhenAll(outstanding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task<TResult> Enqueue<TArguments, TResult>(BatchedCall<TArguments, TResult> call)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        if (call.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(call.CancellationToken);
        }

        List<BatchedCall>? full = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queued.Add(call);
            if (_queued.Count >= _maxBatchSize)
            {
                full = TakeQueued();
            }
            else
            {
                if (_queued.Count == 1)
                {
                    _firstQueuedAt = _time.GetTimestamp();
                    _delay.Change(_maxDelay, Timeout.InfiniteTimeSpan);
                }

                // A token cancelled meanwhile runs the callback here, re-entering the lock to take the call out again.
                call.WatchCancellation(RemoveQueued);
            }
        }

        if (full is not null)
        {
            Dispatch(full, BatchTrigger.Size);
        }

        return call.Result;
    }

    private void OnDelayElapsed()
    {
        List<BatchedCall> due;
        lock (_gate)
        {
            if (_queued.Count == 0)
            {
                return;
            }

            // A timer set for an earlier batch may fire late, after this one started: it waits for its own delay.
            var waited = _time.GetElapsedTime(_firstQueuedAt);
            if (waited < _maxDelay)
            {
                _delay.Change(_maxDelay - waited, Timeout.InfiniteTimeSpan);
                return;
            }

            due = TakeQueued();
        }

        Dispatch(due, BatchTrigger.Delay);
    }

    private void RemoveQueued(BatchedCall call)
    {
        lock (_gate)
        {
            // Already dispatched: the token now cancels the call itself.
            if (!_queued.Remove(call))
            {
                return;
            }

            if (_queued.Count == 0)
            {
                _delay.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        call.Cancel();
    }

    /// <summary>Empties the queue and counts its calls as running. Under the lock.</summary>
    private List<BatchedCall> TakeQueued()
    {
        var taken = new List<BatchedCall>(_queued);
        _queued.Clear();
        if (!_disposed)
        {
            _delay.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        foreach (var call in taken)
        {
            _running.Add(call.Outcome);
        }

        return taken;
    }

    private void Dispatch(List<BatchedCall> calls, BatchTrigger trigger)
    {
        if (calls.Count == 0)
        {
            return;
        }

        _telemetry?.BatchDispatched(calls.Count, trigger);
        foreach (var call in calls)
        {
            call.StopWatching();
            call.Dispatch(_runtime);
            _ = call.Outcome.ContinueWith(
                static (outcome, batch) => ((CallBatch)batch!).Completed(outcome), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Completed(Task outcome)
    {
        lock (_gate)
        {
            _running.Remove(outcome);
        }
    }
}
