using McpFleet.Batching;

namespace McpFleet;

/// <summary>Batching: calls collected and dispatched together, each through the normal call path.</summary>
public sealed partial class FleetRuntime
{
    /// <summary>
    /// Creates a batch that collects calls (of any tools, on any servers) and dispatches them together: when
    /// <see cref="CallBatchOptions.MaxBatchSize"/> calls are queued or <see cref="CallBatchOptions.MaxDelay"/> (on
    /// <see cref="FleetOptions.TimeProvider"/>) after the first, whichever comes first. Each call goes through
    /// <see cref="CallToolAsync{TArguments, TResult}(ToolDescriptor, TArguments, CancellationToken)"/> and keeps its own
    /// outcome; dispatches are measured by the <c>mcpfleet.batch.size</c> histogram.
    /// </summary>
    /// <param name="options">When the batch dispatches; validated here. Default: <see cref="CallBatchOptions"/>' defaults.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    /// <exception cref="ObjectDisposedException">The runtime is disposed.</exception>
    public CallBatch CreateBatch(CallBatchOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        return new CallBatch(this, options ?? new CallBatchOptions(), _options.TimeProvider, _telemetry);
    }
}
