using McpFleet.Aggregation;
using McpFleet.Batching;
using McpFleet.Tools;
using ModelContextProtocol;

namespace McpFleet;

/// <summary>
/// What generated fleets and proxies call: the typed entry points of <see cref="FleetRuntime"/>. An application can
/// implement it to fake the whole fleet in its own tests: <c>new Fleet(fake)</c>, then
/// <c>fleet.Weather.ForecastAsync(…)</c> reaches the fake, with the generated descriptors and argument records.
/// </summary>
public interface IFleetRuntime : IAsyncDisposable
{
    /// <summary>Connects to every server now, in parallel, instead of on first use.</summary>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Calls a tool of one server (routed among its replicas, if it has some).</summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <param name="tool">The tool, as its snapshot describes it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>;

    /// <summary>Calls a unified tool, offered by several servers: routed among its members' instances.</summary>
    /// <typeparam name="TArguments">The unified tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The unified tool's generated result type.</typeparam>
    /// <param name="group">The unified tool.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>;

    /// <summary>Calls a tool of one server, passing the server's progress notifications to <paramref name="progress"/>:
    /// the entry point of the generated methods. A fake that does not implement it ignores the progress receiver.</summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <param name="tool">The tool, as its snapshot describes it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="progress">Receives the progress the server reports while the tool runs; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult> =>
        CallToolAsync<TArguments, TResult>(tool, arguments, cancellationToken);

    /// <summary>Calls a unified tool, passing the progress notifications of the server that runs it to <paramref name="progress"/>.
    /// A fake that does not implement it ignores the progress receiver.</summary>
    /// <typeparam name="TArguments">The unified tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The unified tool's generated result type.</typeparam>
    /// <param name="group">The unified tool.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="progress">Receives the progress the server reports while the tool runs; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult> =>
        CallToolAsync<TArguments, TResult>(group, arguments, cancellationToken);

    /// <summary>
    /// Creates a batch that collects calls (of any tools, on any servers) and dispatches them together through
    /// <see cref="CallToolAsync{TArguments, TResult}(ToolDescriptor, TArguments, CancellationToken)"/>, by size or delay,
    /// each with its own outcome. A fake that does not implement it measures the delay on the system clock.
    /// </summary>
    /// <param name="options">When the batch dispatches; validated here. Default: <see cref="CallBatchOptions"/>' defaults.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    CallBatch CreateBatch(CallBatchOptions? options = null) => new(this, options ?? new CallBatchOptions(), TimeProvider.System, telemetry: null);

    /// <summary>Calls a tool on every target in parallel and aggregates the outcomes.</summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <typeparam name="TValue">The aggregated value's type.</typeparam>
    /// <param name="targets">The servers to call.</param>
    /// <param name="arguments">The arguments, sent to every target.</param>
    /// <param name="strategy">How the outcomes become one value.</param>
    /// <param name="options">Time limits and the success quorum.</param>
    /// <param name="cancellationToken">Cancels every call, on the servers too.</param>
    Task<FanOutResult<TResult, TValue>> FanOutAsync<TArguments, TResult, TValue>(
        FanOutTargets targets, TArguments arguments, AggregationStrategy<TResult, TValue> strategy, FanOutOptions? options = null, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>;
}
