using McpFleet.Tools;

namespace McpFleet.Batching;

/// <summary>A call waiting in a batch, then running: it owns the task its caller holds.</summary>
internal abstract class BatchedCall
{
    private CancellationTokenRegistration _cancellation;

    protected BatchedCall(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    public CancellationToken CancellationToken { get; }

    /// <summary>The task the caller holds: what a flush and disposal wait for.</summary>
    public abstract Task Outcome { get; }

    /// <summary>Removes the call from its batch when its caller cancels it before it is dispatched.</summary>
    public void WatchCancellation(Action<BatchedCall> removeQueued) =>
        _cancellation = CancellationToken.Register(static state =>
        {
            var (call, remove) = ((BatchedCall, Action<BatchedCall>))state!;
            remove(call);
        }, (this, removeQueued));

    /// <summary>Stops watching for a cancellation while queued: once dispatched, the token cancels the call itself.
    /// Called outside the batch's lock, as it waits for a cancellation callback that may be taking it.</summary>
    public void StopWatching() => _cancellation.Dispose();

    /// <summary>Ends a queued call as cancelled by its caller.</summary>
    public abstract void Cancel();

    /// <summary>Sends the call through the fleet's normal call path.</summary>
    public abstract void Dispatch(IFleetRuntime runtime);
}

/// <summary>A batched call of one server's tool or of a unified tool, with its typed result.</summary>
internal sealed class BatchedCall<TArguments, TResult> : BatchedCall
    where TArguments : IToolArguments
    where TResult : IToolResult<TResult>
{
    private readonly ToolDescriptor? _tool;
    private readonly ToolGroupDescriptor? _group;
    private readonly TArguments _arguments;
    private readonly TaskCompletionSource<TResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BatchedCall(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken)
        : base(cancellationToken) => (_tool, _arguments) = (tool, arguments);

    public BatchedCall(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken)
        : base(cancellationToken) => (_group, _arguments) = (group, arguments);

    public Task<TResult> Result => _result.Task;

    public override Task Outcome => _result.Task;

    public override void Cancel() => _result.TrySetCanceled(CancellationToken);

    public override void Dispatch(IFleetRuntime runtime) => _ = RunAsync(runtime);

    private async Task RunAsync(IFleetRuntime runtime)
    {
        try
        {
            var call = _tool is not null
                ? runtime.CallToolAsync<TArguments, TResult>(_tool, _arguments, CancellationToken)
                : runtime.CallToolAsync<TArguments, TResult>(_group!, _arguments, CancellationToken);
            _result.TrySetResult(await call.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            _result.TrySetCanceled(CancellationToken);
        }
        catch (Exception e)
        {
            _result.TrySetException(e);
        }
    }
}
