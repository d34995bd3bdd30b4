using McpFleet.Alerts;
using McpFleet.Caching;
using McpFleet.ClientFeatures;
using McpFleet.Calls;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Discovery;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Registry;
using McpFleet.Resilience;
using McpFleet.Routing;
using McpFleet.Secrets;
using McpFleet.Telemetry;
using McpFleet.Tools;
using ModelContextProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFleet;

/// <summary>
/// The runtime behind a generated fleet, as a facade over three parts: the registry of servers (configured, added at
/// run time, or discovered) with their sessions, health and breakers; the lifecycle (start, discovery, connect,
/// dispose); and the call invoker (<c>Calls/</c>), through which every typed method calls its tool.
/// </summary>
public sealed partial class FleetRuntime : IFleetRuntime
{
    private readonly FleetOptions _options;
    private readonly ILogger _logger;
    private readonly FleetTelemetry _telemetry;
    private readonly ClientHandlers _clientHandlers;
    private readonly FleetSecrets _secrets = new();
    private readonly FleetEvents _events;
    private readonly ServerConnector _connector;
    private readonly ServerRegistry _registry;
    private readonly FleetMembership _membership;
    private readonly WarmSessions _warm;
    private readonly AlertMonitor? _alerts;
    private readonly DiscoveryWatcher _discovery;
    private readonly ToolListCache _toolListCache;
    private readonly CallSettingsTable _settings;
    private readonly RoutingTable _routing;
    private readonly CallInvoker _invoker;
    private readonly BackgroundTasks _background = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startGate = new();
    private Task? _started;
    private bool _disposed;

    /// <summary>Creates the runtime; nothing connects until <see cref="ConnectAsync"/> or the first call.</summary>
    /// <param name="options">The servers, timeouts, health, routing and discovery; validated here, and read once.</param>
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
        var time = options.TimeProvider;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<FleetRuntime>();
        _telemetry = new FleetTelemetry(options.MeterFactory);
        _events = new FleetEvents(this, _logger);
        _toolListCache = new ToolListCache(options.Caching, time);
        // What servers send to be logged can echo any server's secret, not only their own.
        _clientHandlers = new ClientHandlers(options.ClientFeatures, new RedactingLoggerFactory(loggerFactory, _secrets, logMessageContents: true), time);
        _connector = new ServerConnector(options.Connection, loggerFactory, _secrets, _clientHandlers);
        _settings = new CallSettingsTable(options.Resilience, options.Caching);
        _routing = new RoutingTable(options.Routing);
        var drift = new DriftMonitor(options, manifest, _secrets, _logger, _telemetry, args => _events.Raise(_events.DriftDetected, args), OnToolListChangeAnnounced);
        var entries = new ServerEntryFactory(
            options, manifest.Servers.ToDictionary(s => s.Name, s => s.ProtocolVersion, StringComparer.Ordinal), _connector, drift, _settings, _toolListCache, _secrets, _events, _telemetry, _logger);
        _registry = new ServerRegistry(entries.Create);
        _warm = new WarmSessions(_registry, options.Sessions.WarmSessions, _background);
        _membership = new FleetMembership(_registry, _toolListCache, _events, _warm, _background, options.DrainTimeout, _logger);
        _telemetry.ObserveOpenSessions(() => _registry.All.Select(entry => FleetTelemetry.OpenSessions(entry.Name, entry.Connection.IsConnected)));
        _discovery = new DiscoveryWatcher([.. options.Discovery], _membership, _registry, options.Connection, time, _background, _logger);

        var classifier = new OutcomeClassifier(_secrets);
        _alerts = options.Alerts.IsEnabled
            ? new AlertMonitor(options.Alerts, time, () => _registry.All.GroupBy(entry => entry.Definition.Service, StringComparer.Ordinal).Select(service => (service.Key, service.Count(entry => entry.IsRoutable))), OnAlert)
            : null;
        var attempts = new AttemptStage(classifier, time, _telemetry, _alerts, _logger);
        var router = new ReplicaRouter(_routing, _telemetry);
        var resend = new ResendStage(router, attempts, time, OnResent);
        _invoker = new CallInvoker(_registry, new Dictionary<string, string>(options.UnavailableServers, StringComparer.Ordinal), router, resend, new ToolResultCache(options.Caching, time, _telemetry, _logger), options.CallTimeout, time, _secrets, _telemetry, _logger, _stopping.Token);

        foreach (var server in options.Servers)
        {
            _registry.Add(server);
        }

        foreach (var (server, reason) in options.UnavailableServers.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            Log.ServerUnavailable(_logger, server, reason);
        }

        // Per-tool settings are read now, for every tool and unified tool the generated code knows.
        foreach (var tool in manifest.Servers.SelectMany(server => server.Tools))
        {
            _settings.For(tool);
        }

        foreach (var group in manifest.ToolGroups)
        {
            _settings.For(group);
        }
    }

    /// <summary>Raised when a server joins the fleet (added in code or found by discovery).</summary>
    public event EventHandler<ServerEventArgs>? ServerAdded { add => _events.ServerAdded += value; remove => _events.ServerAdded -= value; }

    /// <summary>Raised when a server leaves the fleet; it drains its calls in flight afterwards.</summary>
    public event EventHandler<ServerEventArgs>? ServerRemoved { add => _events.ServerRemoved += value; remove => _events.ServerRemoved -= value; }

    /// <summary>Raised when a server's health changes.</summary>
    public event EventHandler<ServerHealthChangedEventArgs>? HealthChanged { add => _events.HealthChanged += value; remove => _events.HealthChanged -= value; }

    /// <summary>Raised when a server says its list of tools changed, as its drift re-check starts; notifications that arrive
    /// while a re-check runs or waits are announced once, with the next one.</summary>
    public event EventHandler<ToolListChangedEventArgs>? ToolListChanged { add => _events.ToolListChanged += value; remove => _events.ToolListChanged -= value; }

    /// <summary>Raised when a call is sent again: retried, failed over to another replica, or hedged.</summary>
    public event EventHandler<CallResentEventArgs>? CallResent { add => _events.CallResent += value; remove => _events.CallResent -= value; }

    /// <summary>Raised when a circuit breaker (of a server, or of a tool on a server) opens, half-opens or closes.</summary>
    public event EventHandler<CircuitStateChangedEventArgs>? CircuitStateChanged { add => _events.CircuitStateChanged += value; remove => _events.CircuitStateChanged -= value; }

    /// <summary>
    /// Raised when a server's live tool definitions differ from its snapshot (checked as each session opens and when
    /// the tool list changes), with each change and the action its policy takes; not raised again while a server's
    /// changes stay the same.
    /// </summary>
    public event EventHandler<DriftDetectedEventArgs>? DriftDetected { add => _events.DriftDetected += value; remove => _events.DriftDetected -= value; }

    /// <summary>Raised once when a threshold of <see cref="FleetOptions.Alerts"/> is crossed (until it is resolved).</summary>
    public event EventHandler<AlertEventArgs>? AlertRaised { add => _events.AlertRaised += value; remove => _events.AlertRaised -= value; }

    /// <summary>Raised once when a raised alert's value is back within its threshold.</summary>
    public event EventHandler<AlertEventArgs>? AlertResolved { add => _events.AlertResolved += value; remove => _events.AlertResolved -= value; }

    /// <summary>The names of the servers in the fleet now.</summary>
    public IReadOnlyCollection<string> ServerNames => [.. _registry.Current.Names.Order(StringComparer.Ordinal)];

    /// <summary>The strategy for tools without one of their own; can be switched at any time.</summary>
    public RoutingStrategy RoutingStrategy
    {
        get => _routing.Default;
        set => _routing.Default = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Sets the strategy of one tool, or with <see langword="null"/> returns it to the fleet's.</summary>
    /// <param name="tool"><c>server/tool</c> for a server's tool (and its replicas), or a unified tool's name.</param>
    /// <param name="strategy">The strategy, or <see langword="null"/>.</param>
    public void SetRoutingStrategy(string tool, RoutingStrategy? strategy)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        _routing.Set(tool, strategy);
    }

    /// <summary>The strategy calls of <paramref name="tool"/> are routed with.</summary>
    /// <param name="tool"><c>server/tool</c> for a server's tool, or a unified tool's name.</param>
    public RoutingStrategy GetRoutingStrategy(string tool) => _routing.For(tool);

    /// <summary>
    /// Starts the discovery sources and waits for their first sets of servers (bounded by the connect timeout). Calls
    /// start the runtime by themselves; call this to do it at a time of your choosing.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_startGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started is null)
            {
                _warm.Start();
                _started = _discovery.StartAsync(_stopping.Token);
            }
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
        _membership.ConnectEagerly();
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
        _membership.Add(server);
        return Task.CompletedTask;
    }

    /// <summary>Takes a server out of the fleet: it gets no new calls, and is closed once its calls in flight complete
    /// (or <see cref="FleetOptions.DrainTimeout"/> passes).</summary>
    /// <returns><see langword="false"/> when no server has that name.</returns>
    public async Task<bool> RemoveServerAsync(string serverName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        if (_membership.Remove(serverName) is not { } retired)
        {
            return false;
        }

        await retired.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A point-in-time view of every server: health, connection, load and latency.</summary>
    public IReadOnlyList<ServerStatus> GetServerStatuses() =>
        [.. _registry.All.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => new ServerStatus(
            entry.Name,
            entry.Definition.Service,
            entry.Definition.Transport,
            entry.Health.Tracker.Current,
            entry.Health.Tracker.Since,
            entry.Health.Tracker.ConsecutiveFailures,
            entry.Connection.IsConnected,
            entry.Connection.KeepWarm,
            entry.Connection.IdleClosedSessions,
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
    /// <exception cref="ToolNotSentException">The call was not sent: no instance of the server is in the fleet, none could
    /// be reached, their circuits are open, the deadline passed before it could be sent, or the fleet is shutting down
    /// (<see cref="ToolBlockedException"/>: the drift policy blocks the tool).</exception>
    /// <exception cref="ToolErrorException">The tool ran and reported an error.</exception>
    /// <exception cref="ToolCallException">The server refused the call or failed handling it.</exception>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    /// <exception cref="ToolOutcomeUnknownException">The call was sent and no answer came: the session ended, or the fleet
    /// shut down (<see cref="ToolCallTimeoutException"/>: not within the deadline).</exception>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
        => CallToolAsync<TArguments, TResult>(tool, arguments, progress: null, cancellationToken);

    /// <inheritdoc cref="CallToolAsync{TArguments, TResult}(ToolDescriptor, TArguments, CancellationToken)"/>
    /// <param name="tool">The tool, as its snapshot describes it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="progress">Receives the progress notifications the server sends while the tool runs; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        return CallAsync<TResult>(_settings.For(tool), ToolRequest.Create(tool.ToolName, arguments, progress), cancellationToken);
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
    /// <exception cref="ToolNotSentException">The call was not sent: no member is configured, none could be reached,
    /// their circuits are open, the deadline passed before it could be sent, or the fleet is shutting down
    /// (<see cref="ToolBlockedException"/>: the drift policy blocks the tool on every member).</exception>
    /// <exception cref="ToolErrorException">The tool ran and reported an error.</exception>
    /// <exception cref="ToolCallException">The server refused the call or failed handling it.</exception>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    /// <exception cref="ToolOutcomeUnknownException">The call was sent and no answer came: the session ended, or the fleet
    /// shut down (<see cref="ToolCallTimeoutException"/>: not within the deadline).</exception>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
        => CallToolAsync<TArguments, TResult>(group, arguments, progress: null, cancellationToken);

    /// <inheritdoc cref="CallToolAsync{TArguments, TResult}(ToolGroupDescriptor, TArguments, CancellationToken)"/>
    /// <param name="group">The unified tool.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="progress">Receives the progress notifications of the server that runs the tool; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(arguments);
        return CallAsync<TResult>(_settings.For(group), ToolRequest.Create(group.ToolName, arguments, progress), cancellationToken);
    }

    /// <summary>
    /// Stops discovery and health probing; calls in flight end with the fleet-is-shutting-down exception that says whether
    /// they were sent (a <see cref="ToolNotSentException"/> or a <see cref="ToolOutcomeUnknownException"/>), their servers
    /// told to cancel them; then every session and every server process the runtime started ends.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_startGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        // Outside the lock: cancelling ends the calls in flight, which send their servers cancellation notices.
        await _stopping.CancelAsync().ConfigureAwait(false);
        _alerts?.Dispose();
        await _invoker.WhenIdleAsync().ConfigureAwait(false);
        await _background.WhenAllAsync().ConfigureAwait(false);
        await Task.WhenAll(_registry.All.Select(entry => entry.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _connector.DisposeAsync().ConfigureAwait(false);
        _telemetry.Dispose();
        _stopping.Dispose();
    }

    private Task<TResult> CallAsync<TResult>(CallTarget target, ToolRequest request, CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        // Started once, a call goes straight to the invoker.
        return _started is { IsCompletedSuccessfully: true }
            ? _invoker.InvokeAsync<TResult>(target, request, cancellationToken)
            : StartThenCallAsync<TResult>(target, request, cancellationToken);
    }

    private async Task<TResult> StartThenCallAsync<TResult>(CallTarget target, ToolRequest request, CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        if (_stopping.IsCancellationRequested)
        {
            throw new ToolNotSentException(
                target.ToolName, target.GroupName is null ? target.ServerName : "", target.GroupName, NotSentReason.ShuttingDown, [],
                $"{(target.GroupName is null ? $"Tool '{target.ToolName}' of server '{target.ServerName}'" : $"Unified tool '{target.ToolName}'")} was not sent: the fleet is shutting down.");
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
        return await _invoker.InvokeAsync<TResult>(target, request, cancellationToken).ConfigureAwait(false);
    }

    private void OnToolListChangeAnnounced(string server)
    {
        Log.ToolListChanged(_logger, server);
        _events.Raise(_events.ToolListChanged, new ToolListChangedEventArgs(server));
    }

    private void OnAlert(AlertEventArgs alert, bool raised)
    {
        _telemetry.Alert(alert.Kind, alert.Service, raised);
        if (raised)
        {
            Log.AlertRaised(_logger, alert.Kind, alert.Service ?? "*", alert.Message);
        }
        else
        {
            Log.AlertResolved(_logger, alert.Kind, alert.Service ?? "*", alert.Message);
        }

        _events.Raise(raised ? _events.AlertRaised : _events.AlertResolved, alert);
    }

    private void OnResent(CallResentEventArgs resent)
    {
        var masked = new CallResentEventArgs(resent.ToolName, resent.ServerName, resent.Kind, resent.Attempt, resent.MayHaveRun, _secrets.Mask(resent.Reason));
        _telemetry.Resent(masked.ToolName, masked.ServerName, masked.Kind);
        Log.CallResent(_logger, masked.ToolName, masked.ServerName, masked.Kind, masked.Attempt, masked.Reason);
        _events.Raise(_events.CallResent, masked);
    }
}
