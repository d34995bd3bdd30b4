using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using McpFleet.Caching;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Discovery;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Registry;
using McpFleet.Resilience;
using McpFleet.Routing;
using McpFleet.Telemetry;
using McpFleet.Tools;
using McpFleet.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using CircuitState = McpFleet.Resilience.CircuitState;

namespace McpFleet;

/// <summary>
/// The runtime behind a generated fleet: the registry of servers (configured, added at run time, or discovered), one
/// self-healing session per server, health monitoring, routing among the servers that can take a call, and the entry
/// points through which every typed method calls its tool.
/// </summary>
public sealed partial class FleetRuntime : IAsyncDisposable
{
    private readonly FleetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FleetTelemetry _telemetry;
    private readonly FleetSecrets _secrets = new();
    private readonly ServerConnector _connector;
    private readonly ServerRegistry _registry;
    private readonly ToolCallPipelines _callPipelines;
    private readonly ToolResultCache _resultCache;
    private readonly ToolListCache _toolListCache;
    private readonly DriftMonitor _drift;
    private readonly Dictionary<string, string?> _recordedProtocolVersions;
    private readonly ConcurrentDictionary<string, RoutingStrategy> _toolStrategies;
    private readonly BackgroundTasks _background = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startGate = new();
    private RoutingStrategy _defaultStrategy;
    private Task? _started;
    private volatile bool _connectEagerly;

    /// <summary>Creates the runtime; nothing connects until <see cref="ConnectAsync"/> or the first call.</summary>
    /// <param name="options">The servers, timeouts, health, routing and discovery; validated here.</param>
    /// <param name="manifest">What the generated code expects; each server without a pinned protocol revision uses the
    /// one its snapshot recorded.</param>
    /// <param name="loggerFactory">Receives the runtime's and the MCP SDK's logs.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid or lack a server the manifest needs.</exception>
    public FleetRuntime(FleetOptions options, FleetManifest? manifest = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        manifest ??= FleetManifest.Empty;
        options.Validate(manifest);
        _options = options;
        _time = options.TimeProvider;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<FleetRuntime>();
        _telemetry = new FleetTelemetry(options.MeterFactory);
        _resultCache = new ToolResultCache(options.Caching, _time, _telemetry, _logger);
        _toolListCache = new ToolListCache(options.Caching, _time);
        _connector = new ServerConnector(options.Connection, loggerFactory, _secrets);
        _recordedProtocolVersions = manifest.Servers.ToDictionary(s => s.Name, s => s.ProtocolVersion, StringComparer.Ordinal);
        _defaultStrategy = options.Routing.DefaultStrategy;
        _toolStrategies = new ConcurrentDictionary<string, RoutingStrategy>(options.Routing.ToolStrategies, StringComparer.Ordinal);
        _callPipelines = new ToolCallPipelines(options.Resilience, _time, OnResent);
        _drift = new DriftMonitor(options, manifest, _secrets, _logger, _telemetry, args => Raise(DriftDetected, args), OnToolListChangeAnnounced);
        _registry = new ServerRegistry(CreateEntry);
        foreach (var server in options.Servers)
        {
            _registry.Add(server);
        }
    }

    /// <summary>Raised when a server joins the fleet (added in code or found by discovery).</summary>
    public event EventHandler<ServerEventArgs>? ServerAdded;

    /// <summary>Raised when a server leaves the fleet; it drains its calls in flight afterwards.</summary>
    public event EventHandler<ServerEventArgs>? ServerRemoved;

    /// <summary>Raised when a server's health changes.</summary>
    public event EventHandler<ServerHealthChangedEventArgs>? HealthChanged;

    /// <summary>Raised when a server says its list of tools changed, as its drift re-check starts; notifications that arrive
    /// while a re-check runs or waits are announced once, with the next one.</summary>
    public event EventHandler<ToolListChangedEventArgs>? ToolListChanged;

    /// <summary>Raised when a call is sent again: retried, failed over to another replica, or hedged.</summary>
    public event EventHandler<CallResentEventArgs>? CallResent;

    /// <summary>Raised when a circuit breaker (of a server, or of a tool on a server) opens, half-opens or closes.</summary>
    public event EventHandler<CircuitStateChangedEventArgs>? CircuitStateChanged;
    /// <summary>
    /// Raised when a server's live tool definitions differ from its snapshot (checked as each session opens and when
    /// the tool list changes), with each change and the action its policy takes; not raised again while a server's
    /// changes stay the same.
    /// </summary>
    public event EventHandler<DriftDetectedEventArgs>? DriftDetected;

    /// <summary>The names of the servers in the fleet now.</summary>
    public IReadOnlyCollection<string> ServerNames => [.. _registry.Names.Order(StringComparer.Ordinal)];

    /// <summary>The strategy for tools without one of their own; can be switched at any time.</summary>
    public RoutingStrategy RoutingStrategy
    {
        get => Volatile.Read(ref _defaultStrategy);
        set => Volatile.Write(ref _defaultStrategy, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Sets the strategy of one tool, or with <see langword="null"/> returns it to the fleet's.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="strategy">The strategy, or <see langword="null"/>.</param>
    public void SetRoutingStrategy(string toolName, RoutingStrategy? strategy)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        if (strategy is null)
        {
            _toolStrategies.TryRemove(toolName, out _);
        }
        else
        {
            _toolStrategies[toolName] = strategy;
        }
    }

    /// <summary>The strategy a call of <paramref name="toolName"/> is routed with.</summary>
    public RoutingStrategy GetRoutingStrategy(string toolName) => _toolStrategies.GetValueOrDefault(toolName) ?? RoutingStrategy;

    /// <summary>
    /// Starts the discovery sources and waits for their first sets of servers (bounded by the connect timeout). Calls
    /// start the runtime by themselves; call this to do it at a time of your choosing.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_startGate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            _started ??= StartDiscoveryAsync();
        }

        return _started.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts the runtime and connects to every server now, in parallel, instead of on first use; servers added later
    /// connect as they join.
    /// </summary>
    /// <exception cref="AggregateException">Some servers could not be reached; each inner exception is a <see cref="ServerConnectionException"/>.
    /// They keep reconnecting in the background.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        _connectEagerly = true;
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var connecting = Task.WhenAll(_registry.All.Select(entry => entry.Connection.GetClientAsync(cancellationToken).AsTask()));
        try
        {
            await connecting.ConfigureAwait(false);
        }
        catch when (connecting.Exception is { InnerExceptions.Count: > 1 } all)
        {
            throw all;
        }
    }

    /// <summary>Adds a server to the running fleet: it joins the replica groups of the server it is a replica of.</summary>
    /// <exception cref="InvalidOperationException">A server of that name is in the fleet.</exception>
    public Task AddServerAsync(ServerDefinition server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        Joined(_registry.Add(server));
        return Task.CompletedTask;
    }

    /// <summary>Takes a server out of the fleet: it gets no new calls, and is closed once its calls in flight complete
    /// (or <see cref="FleetOptions.DrainTimeout"/> passes).</summary>
    /// <returns><see langword="false"/> when no server has that name.</returns>
    public async Task<bool> RemoveServerAsync(string serverName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        if (_registry.Remove(serverName) is not { } entry)
        {
            return false;
        }

        await Retire(entry).WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A point-in-time view of every server: health, connection, load and latency.</summary>
    public IReadOnlyList<ServerStatus> GetServerStatuses() =>
        [.. _registry.All.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => new ServerStatus(
            entry.Name,
            entry.Definition.Service,
            entry.Definition.Transport,
            entry.Health.Current,
            entry.Health.Since,
            entry.Health.ConsecutiveFailures,
            entry.Connection.IsConnected,
            entry.IsDraining,
            entry.State.OutstandingRequests,
            entry.State.LatencyEwma,
            entry.Monitor.LastProbeLatency,
            entry.Definition.Weight,
            entry.Definition.Priority,
            entry.State.Tags))];

    /// <summary>Calls a tool of one server: the entry point behind every generated per-server method. When the server has
    /// replicas (e.g. found by discovery), the call is routed among them.</summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <param name="tool">The tool, as its snapshot describes it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    /// <exception cref="InvalidOperationException">The tool's server is not configured.</exception>
    /// <exception cref="ServerConnectionException">The server could not be reached.</exception>
    /// <exception cref="ToolGroupUnavailableException">None of the server's replicas could be reached.</exception>
    /// <exception cref="ToolErrorException">The tool reported an error.</exception>
    /// <exception cref="ToolCallException">The server refused the call, or the session ended during it.</exception>
    /// <exception cref="ToolCallTimeoutException">No answer within the call timeout.</exception>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    public async Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        await StartAsync(cancellationToken).ConfigureAwait(false);

        // A replica named on its own is targeted alone; a server's name reaches it and its replicas.
        var instances = _registry.Find(tool.ServerName) is { Definition.ReplicaOf: not null } replica ? [replica] : _registry.InstancesOf(tool.ServerName);
        if (instances.IsEmpty)
        {
            throw new InvalidOperationException($"Server '{tool.ServerName}' is not configured in this fleet; configured: {string.Join(", ", ServerNames)}.");
        }

        var candidates = new CallCandidate[instances.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = new CallCandidate(instances[i], tool, AcceptedArguments: null);
        }

        var sent = ToolArguments.ToDictionary(arguments);
        return await _resultCache.CallAsync(
            tool, instances.Select(instance => instance.Definition), sent,
            ct => DispatchAsync<CapturedToolResult<TResult>>(tool.ToolName, [tool.ServerName], PassOverBlocked(candidates), sent, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls a unified tool, offered by several servers: the entry point behind every generated unified method. The
    /// routing strategy chooses among the members' healthy instances; one that cannot be reached (so the call never
    /// left this process) is passed over for another. A merged group sends each member only the arguments its schema
    /// accepts.
    /// </summary>
    /// <typeparam name="TArguments">The unified tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The unified tool's generated result type.</typeparam>
    /// <param name="group">The unified tool.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    /// <exception cref="ToolGroupUnavailableException">No member is configured or reachable.</exception>
    /// <exception cref="ToolErrorException">The tool reported an error.</exception>
    /// <exception cref="ToolCallException">The server refused the call, or the session ended during it.</exception>
    /// <exception cref="ToolCallTimeoutException">No answer within the call timeout.</exception>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    public async Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(arguments);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var candidates = PassOverBlocked(group.Members
            .SelectMany(member => _registry.InstancesOf(member.Tool.ServerName).Select(entry => new CallCandidate(entry, member.Tool, member.AcceptedArguments)))
            .ToArray());
        var services = group.Members.Select(member => member.Tool.ServerName).ToArray();
        if (candidates.Length == 0)
        {
            throw new ToolGroupUnavailableException(group.ToolName, services, []);
        }

        var sent = ToolArguments.ToDictionary(arguments);
        return await _resultCache.CallAsync(
            group, candidates.Select(candidate => candidate.Entry.Definition), sent,
            ct => DispatchAsync<CapturedToolResult<TResult>>(group.ToolName, services, candidates, sent, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops discovery and health probing, and ends every session and every server process the runtime started.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_startGate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
        }

        await _background.WhenAllAsync().ConfigureAwait(false);
        await Task.WhenAll(_registry.All.Select(entry => entry.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _connector.DisposeAsync().ConfigureAwait(false);
        _telemetry.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Runs a call through its resilience pipeline: each attempt routes to a candidate and calls it; failures that are
    /// safe to send again are retried or failed over, slow read-only calls hedged. The answer is converted once, at the end.
    /// A <paramref name="singleAttempt"/> call (one target of a fan-out, which asks every target anyway) is neither retried
    /// nor hedged; its circuit breakers and timeout still apply.
    /// </summary>
    private async Task<TResult> DispatchAsync<TResult>(
        string toolName,
        IReadOnlyList<string> services,
        CallCandidate[] candidates,
        Dictionary<string, JsonElement> arguments,
        CancellationToken cancellationToken,
        bool singleAttempt = false)
        where TResult : IToolResult<TResult>
    {
        var settings = _options.Resilience.ForTool(toolName);
        var resend = settings?.Resend ?? ResendPolicy.Automatic;
        var mayResend = resend == ResendPolicy.Always || (resend == ResendPolicy.Automatic && candidates.All(c => c.Tool.Hints.IsIdempotent));
        var mayHedge = !singleAttempt && (resend == ResendPolicy.Always || (resend == ResendPolicy.Automatic && candidates.All(c => c.Tool.Hints.IsReadOnly)));

        // One server is explicit targeting: nothing to route, and no strategy to report.
        var strategy = candidates.Length == 1 ? null : GetRoutingStrategy(toolName);
        var plan = new CallPlan(
            toolName,
            candidates,
            pool => strategy is null ? pool[0] : Choose(strategy, toolName, pool, arguments),
            mayResend,
            singleAttempt ? 0 : _callPipelines.RetryOf(toolName).MaxRetryAttempts,
            settings?.FailoverOrder ?? []);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallPlan.Key, plan);
        try
        {
            var answer = await _callPipelines.For(toolName, mayHedge).ExecuteAsync(
                static (context, state) => state.Runtime.AttemptAsync(state.Plan, state.Arguments, state.Strategy, context.CancellationToken),
                context,
                (Runtime: this, Plan: plan, Arguments: arguments, Strategy: strategy?.Name)).ConfigureAwait(false);
            var tool = answer.Candidate.Tool;
            return answer.Result.IsError == true ? throw new ToolErrorException(tool, answer.Result, _secrets.Redact) : TResult.FromCallToolResult(answer.Result, tool);
        }
        catch (ServerConnectionException) when (candidates.Length > 1)
        {
            throw new ToolGroupUnavailableException(toolName, services, plan.Unreachable);
        }
        catch (ToolException failure) when (!plan.MayResend && CallFailures.MaybeDelivered(failure))
        {
            _telemetry.OutcomeUnknown(failure.ServerName, toolName);
            Log.OutcomeUnknown(_logger, toolName, failure.ServerName);
            throw new ToolOutcomeUnknownException(candidates.First(candidate => candidate.Tool.ServerName == failure.ServerName).Tool, failure);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<ToolAnswer> AttemptAsync(CallPlan plan, Dictionary<string, JsonElement> arguments, string? strategy, CancellationToken cancellationToken)
    {
        var candidate = plan.Next();
        return new ToolAnswer(candidate, await CallOnAsync(candidate, arguments, strategy, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Asks the strategy to choose among the routable candidates, or among all of them when none is routable.</summary>
    private CallCandidate Choose(RoutingStrategy strategy, string toolName, List<CallCandidate> candidates, Dictionary<string, JsonElement> arguments)
    {
        var states = ArrayPool<ServerState>.Shared.Rent(candidates.Count);
        var offered = ArrayPool<CallCandidate>.Shared.Rent(candidates.Count);
        try
        {
            var count = 0;
            foreach (var candidate in candidates)
            {
                if (candidate.Entry.IsRoutable)
                {
                    offered[count] = candidate;
                    states[count++] = candidate.Entry.State;
                }
            }

            if (count == 0)
            {
                foreach (var candidate in candidates)
                {
                    offered[count] = candidate;
                    states[count++] = candidate.Entry.State;
                }
            }

            var index = strategy.Choose(new RoutingContext(toolName, states.AsSpan(0, count), arguments));
            if ((uint)index >= (uint)count)
            {
                throw new InvalidOperationException($"Routing strategy '{strategy.Name}' chose candidate {index} of {count}.");
            }

            var chosen = offered[index];
            _telemetry.Routed(toolName, strategy.Name, chosen.Entry.Name);
            return chosen;
        }
        finally
        {
            ArrayPool<ServerState>.Shared.Return(states, clearArray: true);
            ArrayPool<CallCandidate>.Shared.Return(offered, clearArray: true);
        }
    }

    /// <summary>One attempt on one server, through its circuit breakers and timeout; failures come out typed and redacted.</summary>
    private async Task<CallToolResult> CallOnAsync(CallCandidate candidate, Dictionary<string, JsonElement> arguments, string? strategy, CancellationToken cancellationToken)
    {
        var (entry, tool, accepted) = candidate;
        entry.Enter();

        using var activity = FleetTelemetry.StartCall(entry.Name, tool.ToolName, strategy);
        var started = _time.GetTimestamp();
        string? errorType = null;
        McpClient? client = null;
        _telemetry.CallStarted(entry.Name);
        Log.CallingTool(_logger, tool.ToolName, entry.Name);
        try
        {
            var request = new CallToolRequestParams { Name = tool.ToolName, Arguments = ToolArguments.Select(arguments, accepted) };
            var result = await entry.Pipelines.For(tool.ToolName).ExecuteAsync(
                async token =>
                {
                    using var outstanding = entry.State.BeginRequest();
                    using var slot = await entry.AcquireAsync(token).ConfigureAwait(false);
                    client = await entry.Connection.GetClientAsync(token).ConfigureAwait(false);

                    // After the session is open: its drift check has run by then. A destructive tool is checked again
                    // first when that verdict is old.
                    await entry.Drift.EnsureCurrentAsync(client, tool, token).ConfigureAwait(false);
                    entry.Drift.ThrowIfBlocked(tool);
                    return await ToolCaller.CallAsync(client, request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            entry.State.RecordLatency(_time.GetElapsedTime(started));
            entry.Health.RecordSuccess("a call succeeded");
            errorType = result.IsError == true ? "tool_error" : null;
            return result;
        }
        catch (TimeoutRejectedException)
        {
            errorType = "timeout";
            var timeout = entry.Pipelines.TimeoutOf(tool.ToolName);
            entry.Health.RecordFailure($"a call of '{tool.ToolName}' got no answer within {timeout.TotalSeconds:0.###} s");
            throw new ToolCallTimeoutException(tool, timeout);
        }
        catch (ToolBlockedException)
        {
            errorType = "drift_blocked";
            throw;
        }
        catch (BrokenCircuitException)
        {
            errorType = "circuit_open";
            throw new ServerConnectionException(entry.Name, ConnectionFailureKind.CircuitOpen, $"The circuit breaker of server '{entry.Name}' for tool '{tool.ToolName}' is open after recent failures; the call was not sent.");
        }
        catch (ServerConnectionException)
        {
            errorType = "unreachable";
            throw;
        }
        catch (McpProtocolException e)
        {
            errorType = "protocol_error";
            // The server's error text can echo any server's secret: the original is kept only when it holds none.
            throw new ToolCallException(tool, Redact(e.Message), _secrets.IsIn(e.ToString()) ? null : e, e.ErrorCode);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && client is not null)
        {
            // Nothing was delivered: the server is unreachable, and another one may take the call.
            errorType = "unreachable";
            entry.Connection.Discard(client);
            var failure = ConnectionFailureClassifier.Classify(entry.Definition, e, _secrets);
            entry.Health.RecordFailure(failure.Message);
            throw failure;
        }
        catch (MessageTooLargeException)
        {
            // Refused unread; on stdio and WebSocket the session ends with it and reconnects.
            errorType = "message_too_large";
            entry.Health.RecordFailure("the server sent a message over its size limit");
            throw;
        }
        catch (Exception e) when (e is McpException or IOException or HttpRequestException)
        {
            errorType = "session_lost";
            entry.Health.RecordFailure("the session ended during a call");
            if (client is not null)
            {
                entry.Connection.Discard(client);
            }

            throw new ToolCallException(tool, Redact($"the session ended during the call, so whether the tool ran is unknown ({e.Message})."));
        }
        catch (OperationCanceledException)
        {
            errorType = "cancelled";
            throw;
        }
        finally
        {
            _telemetry.CallEnded(entry.Name, tool.ToolName, _time.GetElapsedTime(started), errorType);
            if (errorType is not null)
            {
                activity?.SetStatus(ActivityStatusCode.Error, errorType);
                Log.ToolCallFailed(_logger, tool.ToolName, entry.Name, errorType);
            }

            entry.Exit();
        }
    }

    private ServerEntry CreateEntry(ServerDefinition definition)
    {
        _secrets.Add(definition.Secrets);

        // The snapshot's revision skips the discovery probe, which costs a server that ignores it 5 s.
        var protocolVersion = definition.ProtocolVersion ?? _options.Connection.ProtocolVersion ?? _recordedProtocolVersions.GetValueOrDefault(definition.Service);
        var drift = _drift.CreateGuard(definition);
        var connection = new ServerConnection(definition, protocolVersion, _connector, _options.Connection, _time, _logger, drift.CheckSessionAsync);
        var health = new HealthTracker(definition.Name, _options.Health.FailureThreshold, _time);
        var pipelines = new ServerCallPipelines(definition.Name, _options.Resilience, definition.CallTimeout ?? _options.CallTimeout, _time, change => OnCircuitChanged(health, definition, change));
        var entry = new ServerEntry(definition, connection, health, new HealthMonitor(connection, health, _options.Health, _time), pipelines, drift, _options.Connection.MaxConcurrentCalls, _time);
        health.Changed += (_, change) => OnHealthChanged(entry, change);
        connection.Connected += (_, _) => OnConnected(entry);
        connection.ToolListChanged += (_, client, sessionEnded) => OnToolListChanged(entry, client, sessionEnded);
        connection.ConnectFailed += (_, failure) => health.RecordFailure(failure.Message);
        connection.Disconnected += _ => health.RecordFailure("the session ended");
        return entry;
    }

    private static void OnConnected(ServerEntry entry)
    {
        entry.Health.RecordSuccess("connected");
        entry.Monitor.Start();
    }

    /// <summary>Each notification drops the server's listed tools at once; the event and the drift re-check are coalesced.</summary>
    private void OnToolListChanged(ServerEntry entry, McpClient client, CancellationToken sessionEnded)
    {
        _toolListCache.Invalidate(entry.Name);
        entry.Drift.ToolListChanged(client, sessionEnded);
    }

    private void OnToolListChangeAnnounced(string server)
    {
        Log.ToolListChanged(_logger, server);
        Raise(ToolListChanged, new ToolListChangedEventArgs(server));
    }

    private void OnHealthChanged(ServerEntry entry, ServerHealthChangedEventArgs change)
    {
        entry.State.Health = change.Current;
        _telemetry.HealthChanged(entry.Name, change.Current);
        Log.HealthChanged(_logger, entry.Name, change.Current, change.Previous, change.Reason);
        Raise(HealthChanged, change);
    }

    private void OnResent(CallResentEventArgs resent)
    {
        var reason = Redact(resent.Reason);
        var redacted = new CallResentEventArgs(resent.ToolName, resent.ServerName, resent.Kind, resent.Attempt, resent.MayHaveRun, reason);
        _telemetry.Resent(redacted.ToolName, redacted.ServerName, redacted.Kind);
        Log.CallResent(_logger, redacted.ToolName, redacted.ServerName, redacted.Kind, redacted.Attempt, redacted.Reason);
        Raise(CallResent, redacted);
    }

    private void OnCircuitChanged(HealthTracker health, ServerDefinition server, CircuitStateChangedEventArgs change)
    {
        change = new CircuitStateChangedEventArgs(change.ServerName, change.ToolName, change.State, Redact(change.Reason));

        // The server's own circuit is its health: open is unhealthy; a closing trial call has already recorded success.
        if (change is { ToolName: null, State: CircuitState.Open })
        {
            health.RecordBreak(change.Reason);
        }

        _telemetry.CircuitChanged(change.ServerName, change.ToolName, change.State);
        Log.CircuitChanged(_logger, change.ServerName, change.ToolName ?? "*", change.State, change.Reason);
        Raise(CircuitStateChanged, change);
    }

    private void Joined(ServerEntry entry)
    {
        Log.ServerAdded(_logger, entry.Name, entry.Definition.DescribeTarget());
        Raise(ServerAdded, new ServerEventArgs(entry.Definition));
        if (_connectEagerly)
        {
            _background.Track(ConnectQuietlyAsync(entry));
        }
    }

    /// <summary>Drains and closes a server that left the fleet, in the background; disposal waits for it.</summary>
    private Task Retire(ServerEntry entry)
    {
        Log.ServerRemoved(_logger, entry.Name, entry.InFlight);
        _toolListCache.Invalidate(entry.Name);
        Raise(ServerRemoved, new ServerEventArgs(entry.Definition));
        return _background.Track(RetireAsync(entry));
    }

    private async Task RetireAsync(ServerEntry entry)
    {
        await entry.DrainAsync(_options.DrainTimeout).ConfigureAwait(false);
        await entry.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ConnectQuietlyAsync(ServerEntry entry)
    {
        try
        {
            await entry.Connection.GetClientAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerConnectionException or ObjectDisposedException or OperationCanceledException)
        {
            // Logged by the connection, which keeps reconnecting.
        }
    }

    private async Task StartDiscoveryAsync()
    {
        if (_options.Discovery.Count == 0)
        {
            return;
        }

        var initial = _options.Discovery.Select(source =>
        {
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _background.Track(DiscoverAsync(source, first, _stopping.Token));
            return first.Task;
        }).ToArray();

        // A source that cannot answer at first does not hold the fleet up for ever.
        try
        {
            await Task.WhenAll(initial).WaitAsync(_options.Connection.ConnectTimeout, _time, _stopping.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.DiscoveryFailed(_logger, "startup", $"not every discovery source answered within {_options.Connection.ConnectTimeout}");
        }
    }

    private async Task DiscoverAsync(IServerDiscovery source, TaskCompletionSource first, CancellationToken stopping)
    {
        var owned = new Dictionary<string, ServerDefinition>(StringComparer.Ordinal);
        var delay = _options.Connection.ReconnectDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var servers in source.WatchAsync(stopping).ConfigureAwait(false))
                {
                    owned = Reconcile(source, owned, servers);
                    first.TrySetResult();
                    delay = _options.Connection.ReconnectDelay;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Sources retry their own transient failures; what escapes (a watcher that cannot start, a bug) is
                // retried here, keeping the servers the source last reported.
                Log.DiscoveryFailed(_logger, source.Name, $"{e.GetType().Name}: {e.Message}; watching again in {delay}");
            }

            try
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.Connection.MaxReconnectDelay.Ticks));
        }

        first.TrySetResult();
    }

    /// <summary>Brings the fleet in line with a source's latest set: new servers join, missing ones are drained, changed
    /// ones replaced. Returns the servers the source now owns.</summary>
    private Dictionary<string, ServerDefinition> Reconcile(IServerDiscovery source, Dictionary<string, ServerDefinition> owned, IReadOnlyList<ServerDefinition> servers)
    {
        var next = new Dictionary<string, ServerDefinition>(StringComparer.Ordinal);
        foreach (var server in servers)
        {
            if (owned.ContainsKey(server.Name) || _registry.Find(server.Name) is null)
            {
                next.TryAdd(server.Name, server);
            }
            else
            {
                Log.DiscoveryFailed(_logger, source.Name, $"server '{server.Name}' is already in the fleet from another source; ignored");
            }
        }

        foreach (var gone in owned.Keys.Where(name => !next.ContainsKey(name)))
        {
            if (_registry.Remove(gone) is { } entry)
            {
                _ = Retire(entry);
            }
        }

        foreach (var (name, server) in next)
        {
            if (!owned.TryGetValue(name, out var previous))
            {
                Joined(_registry.Add(server));
            }
            else if (!previous.Equals(server))
            {
                var (old, replacement) = _registry.Replace(server);
                if (old is not null)
                {
                    _ = Retire(old);
                }

                Joined(replacement);
            }
        }

        return next;
    }

    private void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop discovery, health monitoring or a call.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.EventHandlerFailed(_logger, typeof(TArgs).Name, e);
        }
    }

    /// <summary>Leaves out the instances whose drift verdict blocks the tool while another can take the call; when all
    /// are blocked, they stay, so the call is refused with the reason.</summary>
    private static CallCandidate[] PassOverBlocked(CallCandidate[] candidates) =>
        candidates.Any(c => c.Entry.Drift.IsBlocked(c.Tool.ToolName)) && candidates.Any(c => !c.Entry.Drift.IsBlocked(c.Tool.ToolName))
            ? [.. candidates.Where(c => !c.Entry.Drift.IsBlocked(c.Tool.ToolName))]
            : candidates;

    /// <summary>Masks every secret of the fleet: one server's text can echo another's.</summary>
    private string Redact(string text) => _secrets.Redact(text);
}
