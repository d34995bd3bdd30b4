using System.Text.Json;
using McpFleet.Aggregation;
using McpFleet.Calls;
using McpFleet.Tools;

namespace McpFleet;

/// <summary>Fan-out and broadcast: one tool called on many servers at once, the outcomes aggregated.</summary>
public sealed partial class FleetRuntime
{
    private static readonly JsonElement s_noArguments = JsonDocument.Parse("{}").RootElement;

    /// <summary>
    /// Calls a tool on every target in parallel and aggregates the outcomes. Each target is called on its own, as if
    /// named alone (its health, timeout, concurrency bound and telemetry apply), within the per-target timeout and the
    /// overall deadline; calls still running when the strategy is settled or the deadline passes are cancelled on their
    /// servers. Partial failure is a normal result: see <see cref="FanOutResult{TResult, TValue}.Outcomes"/>.
    /// </summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <typeparam name="TValue">The aggregated value's type.</typeparam>
    /// <param name="targets">The servers to call, e.g. <see cref="FanOutTargets.Group"/>.</param>
    /// <param name="arguments">The arguments, sent to every target.</param>
    /// <param name="strategy">How the outcomes become one value, from <see cref="AggregationStrategies"/>.</param>
    /// <param name="options">Time limits and the success quorum; validated here. Default: each server's call timeout.</param>
    /// <param name="cancellationToken">Cancels every call, on the servers too.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    /// <exception cref="FanOutException">There is no result: no target, every target failed, too few succeeded, or the
    /// majority or quorum did not agree.</exception>
    public async Task<FanOutResult<TResult, TValue>> FanOutAsync<TArguments, TResult, TValue>(
        FanOutTargets targets, TArguments arguments, AggregationStrategy<TResult, TValue> strategy, FanOutOptions? options = null, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(targets);
        return await RunFanOutAsync(targets, ToolRequest.Create(targets.ToolName, arguments), strategy, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls a tool by name on every server that offers it (by its live tool list), in parallel, with untyped JSON
    /// arguments: the broadcast of an interactive client. A server whose tool list cannot be read is called anyway,
    /// so that its failure is reported.
    /// </summary>
    /// <typeparam name="TValue">The aggregated value's type.</typeparam>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="arguments">A JSON object of arguments (or an undefined or null element for none).</param>
    /// <param name="strategy">How the outcomes become one value, e.g. <c>AggregationStrategies.All&lt;RawToolResult&gt;()</c>
    /// or <see cref="AggregationStrategies.FromName{TResult}"/>.</param>
    /// <param name="options">Time limits and the success quorum; validated here.</param>
    /// <param name="cancellationToken">Cancels every call, on the servers too.</param>
    /// <exception cref="ArgumentException"><paramref name="arguments"/> is not a JSON object.</exception>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    /// <exception cref="FanOutException">There is no result, e.g. no server offers the tool.</exception>
    public Task<FanOutResult<RawToolResult, TValue>> BroadcastAsync<TValue>(
        string toolName, JsonElement arguments, AggregationStrategy<RawToolResult, TValue> strategy, FanOutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        var request = arguments.ValueKind switch
        {
            JsonValueKind.Object => ToolRequest.Create(toolName, arguments),
            JsonValueKind.Undefined or JsonValueKind.Null => ToolRequest.Create(toolName, s_noArguments),
            _ => throw new ArgumentException($"The arguments of tool '{toolName}' must be a JSON object, not {arguments.ValueKind}.", nameof(arguments)),
        };
        return RunFanOutAsync(FanOutTargets.Broadcast(toolName), request, strategy, options, cancellationToken);
    }

    private async Task<FanOutResult<TResult, TValue>> RunFanOutAsync<TResult, TValue>(
        FanOutTargets targets, ToolRequest request, AggregationStrategy<TResult, TValue> strategy, FanOutOptions? options, CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(strategy);
        options ??= new FanOutOptions();
        options.Validate();
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var context = new FanOutContext(_registry, _invoker, _settings, entry => entry.Definition.CallTimeout ?? _options.CallTimeout, (entry, ct) => ListToolsAsync(entry.Name, ct), _options.TimeProvider, _telemetry, _logger);
        return await FanOutExecution<TResult, TValue>.RunAsync(targets, context, request, strategy, options, cancellationToken).ConfigureAwait(false);
    }
}
