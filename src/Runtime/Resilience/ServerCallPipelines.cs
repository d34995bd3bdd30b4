using System.Collections.Concurrent;
using McpFleet.Connections;
using ModelContextProtocol;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace McpFleet.Resilience;

/// <summary>
/// The pipelines one attempt on one server runs through: the server's circuit breaker, the tool's circuit breaker on
/// that server, and the attempt's timeout. The server's breaker is one instance shared by all its tools' pipelines.
/// </summary>
internal sealed class ServerCallPipelines
{
    private readonly string _serverName;
    private readonly ResilienceOptions _options;
    private readonly TimeSpan _callTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly Action<CircuitStateChangedEventArgs> _circuitChanged;
    private readonly ResiliencePipeline _serverBreaker;
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _byTool = new(StringComparer.Ordinal);

    /// <param name="serverName">The server's fleet name.</param>
    /// <param name="options">The fleet's resilience options.</param>
    /// <param name="callTimeout">The server's call timeout (its own or the fleet's).</param>
    /// <param name="timeProvider">The clock of the breakers and timeouts.</param>
    /// <param name="circuitChanged">Told of every breaker transition.</param>
    public ServerCallPipelines(string serverName, ResilienceOptions options, TimeSpan callTimeout, TimeProvider timeProvider, Action<CircuitStateChangedEventArgs> circuitChanged)
    {
        _serverName = serverName;
        _options = options;
        _callTimeout = callTimeout;
        _timeProvider = timeProvider;
        _circuitChanged = circuitChanged;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "McpFleet.Server", InstanceName = serverName };
        AddBreaker(builder, options.ServerBreaker(serverName), CountsAgainstServer, toolName: null);
        _serverBreaker = builder.Build();
    }

    /// <summary>How long one attempt of <paramref name="toolName"/> may take.</summary>
    public TimeSpan TimeoutOf(string toolName) => _options.ForTool(toolName)?.Timeout ?? _callTimeout;

    /// <summary>The pipeline of an attempt of <paramref name="toolName"/> on this server.</summary>
    public ResiliencePipeline For(string toolName) => _byTool.GetOrAdd(toolName, Create);

    private ResiliencePipeline Create(string toolName)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _timeProvider, Name = "McpFleet.Tool", InstanceName = $"{_serverName}/{toolName}" }
            .AddPipeline(_serverBreaker);
        AddBreaker(builder, _options.ToolBreaker(toolName), CountsAgainstTool, toolName);
        var timeout = TimeoutOf(toolName);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }

    private void AddBreaker(ResiliencePipelineBuilder builder, CircuitBreakerOptions options, Func<Exception, bool> counts, string? toolName)
    {
        if (!options.Enabled)
        {
            return;
        }

        var what = toolName is null ? $"server '{_serverName}'" : $"tool '{toolName}' on server '{_serverName}'";
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } failure && counts(failure)),
            OnOpened = args =>
            {
                var cause = args.Outcome.Exception is { } failure ? $"; last failure: {Describe(failure)}" : "";
                _circuitChanged(new(_serverName, toolName, CircuitState.Open, $"the circuit of {what} opened for {args.BreakDuration.TotalSeconds:0.###} s after repeated failures{cause}"));
                return default;
            },
            OnHalfOpened = _ =>
            {
                _circuitChanged(new(_serverName, toolName, CircuitState.HalfOpen, $"the circuit of {what} lets a trial call through"));
                return default;
            },
            OnClosed = _ =>
            {
                _circuitChanged(new(_serverName, toolName, CircuitState.Closed, $"the circuit of {what} closed after a successful call"));
                return default;
            },
        });
    }

    /// <summary>The server's circuit counts failures of the server itself: it cannot be reached, or its session broke.</summary>
    private static bool CountsAgainstServer(Exception failure) =>
        failure is ServerConnectionException { Kind: not (ConnectionFailureKind.CircuitOpen or ConnectionFailureKind.Draining) }
            or IOException or HttpRequestException
            || (failure is McpException and not McpProtocolException);

    /// <summary>A tool's circuit counts what says the tool is failing on a server that answers: timeouts and server errors.</summary>
    private static bool CountsAgainstTool(Exception failure) =>
        failure is TimeoutRejectedException or McpProtocolException { ErrorCode: McpErrorCode.InternalError };

    // Exception messages of the SDK and of HttpClient name no secrets; they are redacted again where they are reported.
    private static string Describe(Exception failure) => failure is TimeoutRejectedException ? "no answer in time" : failure.Message;
}
