using McpFleet.Configuration;
using McpFleet.Telemetry;
using McpFleet.Transports;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Polly;
using Polly.Retry;

namespace McpFleet.Connections;

/// <summary>
/// The session with one server. It opens on first use, is shared by concurrent callers, and after a failed attempt or
/// a lost session reconnects by itself, with exponential backoff and jitter, until it succeeds: a restarted server is
/// used again without anyone re-creating anything. While it waits between attempts, callers fail fast with the last
/// failure, so routing can try another replica instead of waiting.
/// <para>
/// With an idle timeout, a session no request has leased for that long is closed (not reopened until the next
/// request), unless it is kept warm. Leases and the close are decided under one lock: a session is never closed under a
/// request, and a request that finds its session closing gets a new one.
/// </para>
/// </summary>
internal sealed class ServerConnection : IAsyncDisposable
{
    private readonly string? _protocolVersion;
    private readonly ServerConnector _connector;
    private readonly HttpClient _httpClient;
    private readonly ResiliencePipeline _reconnect;
    private readonly ILogger _logger;
    private readonly Func<McpClient, CancellationToken, Task>? _checkSession;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer? _idleTimer;
    private readonly BackgroundTasks _closing = new();
    private int _leases;
    private long _lastUsed;
    private bool _idleCheckParked;
    private volatile bool _keepWarm;
    private int _idleClosedSessions;
    private McpClient? _client;
    private ToolListSubscription? _subscription;
    private TaskCompletionSource<McpClient>? _attempt;
    private Task? _reconnecting;
    private int _generation;
    private ServerConnectionException? _lastFailure;

    /// <param name="definition">The server.</param>
    /// <param name="protocolVersion">The revision to pin, if any.</param>
    /// <param name="connector">Opens the sessions.</param>
    /// <param name="options">Reconnection delays.</param>
    /// <param name="timeProvider">The clock of the delays and of the idle timeout.</param>
    /// <param name="idleTimeout">How long a session may go unleased before it is closed; infinite: never.</param>
    /// <param name="logger">Receives connection events.</param>
    /// <param name="checkSession">Runs on each new session before it serves calls (the drift check); when it throws a
    /// <see cref="ServerConnectionException"/>, the session is closed and the attempt counts as failed.</param>
    public ServerConnection(
        ServerDefinition definition,
        string? protocolVersion,
        ServerConnector connector,
        ConnectionOptions options,
        TimeProvider timeProvider,
        TimeSpan idleTimeout,
        ILogger logger,
        Func<McpClient, CancellationToken, Task>? checkSession = null)
    {
        _time = timeProvider;
        _idleTimeout = idleTimeout;
        _idleTimer = idleTimeout == Timeout.InfiniteTimeSpan ? null : timeProvider.CreateTimer(_ => CloseIfIdle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Definition = definition;
        _protocolVersion = protocolVersion;
        _connector = connector;
        _logger = logger;
        _checkSession = checkSession;
        _httpClient = ServerHttpClient.Create(definition, definition.MaxMessageSize ?? options.MaxMessageSize);
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ServerConnectionException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = retry =>
                {
                    Log.ReconnectScheduled(_logger, definition.Name, retry.AttemptNumber + 1, retry.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Raised when a session opens (first time or after a reconnection).</summary>
    public event Action<ServerConnection, McpClient>? Connected;

    /// <summary>Raised when an attempt to connect fails, with the failure.</summary>
    public event Action<ServerConnection, ServerConnectionException>? ConnectFailed;

    /// <summary>Raised when an open session ends (the server exited, the connection broke).</summary>
    public event Action<ServerConnection>? Disconnected;

    /// <summary>Raised when a session was closed for being idle; the next request opens a new one.</summary>
    public event Action<ServerConnection>? IdleClosed;

    /// <summary>Raised when the server says its tool list changed, with the session it said so on and a token cancelled
    /// when that session ends.</summary>
    public event Action<ServerConnection, McpClient, CancellationToken>? ToolListChanged;

    public ServerDefinition Definition { get; }

    /// <summary>Whether a session is open.</summary>
    public bool IsConnected => CurrentClient is not null;

    /// <summary>Whether the session is kept open: never closed for idleness. Set by the fleet's warm-session keeper.</summary>
    public bool KeepWarm
    {
        get => _keepWarm;
        set
        {
            lock (_gate)
            {
                _keepWarm = value;
                if (!value)
                {
                    ArmIdleTimerUnderLock(_idleTimeout);
                }
            }
        }
    }

    /// <summary>How many sessions were closed for being idle.</summary>
    public int IdleClosedSessions => Volatile.Read(ref _idleClosedSessions);

    /// <summary>The open session, if any, without connecting.</summary>
    public McpClient? CurrentClient => Volatile.Read(ref _client) is { Completion.IsCompleted: false } client ? client : null;

    /// <summary>
    /// A live session: the open one, the one being opened, or a new attempt. Between reconnection attempts this throws
    /// the last failure at once.
    /// </summary>
    /// <exception cref="ServerConnectionException">The server could not be reached.</exception>
    public async ValueTask<McpClient> GetClientAsync(CancellationToken cancellationToken)
    {
        if (CurrentClient is { } live)
        {
            return live;
        }

        TaskCompletionSource<McpClient>? attempt;
        ServerConnectionException? failure;
        var sessionEnded = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (_client is { Completion.IsCompleted: false } current)
            {
                return current;
            }

            if (_client is { } ended)
            {
                EndSessionUnderLock(ended);
                sessionEnded = true;
            }
            else if (_reconnecting is null)
            {
                StartReconnectingUnderLock();
            }

            attempt = _attempt;
            failure = _lastFailure;
        }

        if (sessionEnded)
        {
            OnDisconnected();
        }

        return attempt is not null
            ? await attempt.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
            : throw failure ?? new ServerConnectionException(Definition.Name, ConnectionFailureKind.Unreachable, $"Server '{Definition.Name}' is reconnecting.");
    }

    /// <summary>
    /// A live session held for one request (see <see cref="GetClientAsync"/>): it is not closed for idleness until the
    /// lease is disposed, and the request counts as use.
    /// </summary>
    /// <exception cref="ServerConnectionException">The server could not be reached.</exception>
    public async ValueTask<SessionLease> LeaseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_client is { Completion.IsCompleted: false } live)
                {
                    _leases++;
                    _lastUsed = _time.GetTimestamp();
                    return new SessionLease(this, live, countsAsUse: true);
                }
            }

            // Opens a session or joins the one opening; if it is closed again before the lease is taken (for idleness,
            // or lost), the next round opens a new one.
            await GetClientAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The open session held for a request that is no use of it (a health probe), or none: it connects nothing.</summary>
    public SessionLease? TryLeaseCurrent()
    {
        lock (_gate)
        {
            if (_client is { Completion.IsCompleted: false } live)
            {
                _leases++;
                return new SessionLease(this, live, countsAsUse: false);
            }
        }

        return null;
    }

    /// <summary>Ends a lease; the last one out runs an idle check that came while the session was leased.</summary>
    internal void Release(bool countsAsUse)
    {
        bool checkNow;
        lock (_gate)
        {
            _leases--;
            if (countsAsUse)
            {
                _lastUsed = _time.GetTimestamp();
            }

            checkNow = _leases == 0 && _idleCheckParked;
            _idleCheckParked &= !checkNow;
        }

        if (checkNow)
        {
            CloseIfIdle();
        }
    }

    /// <summary>
    /// The idle timer's check: closes the session when it has been unleased for the idle timeout, otherwise waits for
    /// the rest of it, or (while leased) for the last lease to end.
    /// </summary>
    private void CloseIfIdle()
    {
        McpClient idle;
        ToolListSubscription? subscription;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested || _keepWarm || _client is not { Completion.IsCompleted: false } client)
            {
                return;
            }

            if (_leases > 0)
            {
                _idleCheckParked = true;
                return;
            }

            var remaining = _idleTimeout - _time.GetElapsedTime(_lastUsed);
            if (remaining > TimeSpan.Zero)
            {
                ArmIdleTimerUnderLock(remaining);
                return;
            }

            idle = client;
            subscription = _subscription;
            _client = null;
            _subscription = null;
            _idleClosedSessions++;
        }

        Log.IdleSessionClosed(_logger, Definition.Name, _idleTimeout);
        _closing.Track(CloseAsync(idle, subscription));
        IdleClosed?.Invoke(this);
    }

    /// <summary>Under the lock, so that a disposed connection's timer is never armed; the wait is positive, so the timer
    /// never fires inside this call.</summary>
    private void ArmIdleTimerUnderLock(TimeSpan wait)
    {
        if (!_stopping.IsCancellationRequested)
        {
            _idleTimer?.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Ends a session that a call found dead, and reconnects; the session's own completion can lag behind the failure
    /// the call saw.
    /// </summary>
    public void Discard(McpClient client)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_client, client) || _stopping.IsCancellationRequested)
            {
                return;
            }

            EndSessionUnderLock(client);
        }

        OnDisconnected();
    }

    public async ValueTask DisposeAsync()
    {
        Task? reconnecting;
        McpClient? client;
        ToolListSubscription? subscription;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _idleTimer?.Dispose();
            reconnecting = _reconnecting;
            client = _client;
            subscription = _subscription;
            _client = null;
            _subscription = null;
        }

        if (reconnecting is not null)
        {
            await reconnecting.ConfigureAwait(false);
        }

        if (client is not null)
        {
            await CloseAsync(client, subscription).ConfigureAwait(false);
        }

        await _closing.WhenAllAsync().ConfigureAwait(false);
        _httpClient.Dispose();
        _stopping.Dispose();
    }

    private void EndSessionUnderLock(McpClient ended)
    {
        _ = CloseAsync(ended, _subscription);
        _client = null;
        _subscription = null;
        StartReconnectingUnderLock();
    }

    /// <summary>Reports a session that ended, once per session, outside the lock: handlers reach user code.</summary>
    private void OnDisconnected()
    {
        Log.Disconnected(_logger, Definition.Name);
        Disconnected?.Invoke(this);
    }

    /// <summary>Closes a session, ending its listen request first so that the server is free to exit.</summary>
    private static async Task CloseAsync(McpClient client, ToolListSubscription? subscription)
    {
        if (subscription is not null)
        {
            await subscription.EndAsync().ConfigureAwait(false);
        }

        await client.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Starts the reconnection loop; its first attempt begins now, so callers can join it.</summary>
    private void StartReconnectingUnderLock()
    {
        _attempt = new TaskCompletionSource<McpClient>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _attempt;
        var generation = ++_generation;
        _reconnecting = Task.Run(() => ReconnectAsync(first, generation));
    }

    /// <summary>Attempts to connect until one succeeds; <paramref name="generation"/> tells this loop from a later one.</summary>
    private async Task ReconnectAsync(TaskCompletionSource<McpClient> first, int generation)
    {
        var attempt = first;
        try
        {
            await _reconnect.ExecuteAsync(
                async cancellationToken =>
                {
                    lock (_gate)
                    {
                        attempt ??= _attempt = new TaskCompletionSource<McpClient>(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    try
                    {
                        var client = await _connector.ConnectAsync(Definition, _httpClient, _protocolVersion, cancellationToken).ConfigureAwait(false);
                        await CheckSessionAsync(client, cancellationToken).ConfigureAwait(false);
                        OnConnected(client, attempt);
                    }
                    catch (ServerConnectionException failure)
                    {
                        OnConnectFailed(failure, attempt);
                        throw;
                    }
                    finally
                    {
                        attempt = null;
                    }
                },
                _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed while reconnecting.
        }
        finally
        {
            lock (_gate)
            {
                // A session can end as soon as it opens, which starts the next loop before this one has finished.
                if (_generation == generation)
                {
                    _reconnecting = null;
                    _attempt?.TrySetCanceled();
                    _attempt = null;
                }
            }
        }
    }

    /// <summary>Runs the session check; a session that fails it (or is cancelled during it) is closed unused.</summary>
    private async Task CheckSessionAsync(McpClient client, CancellationToken cancellationToken)
    {
        if (_checkSession is null)
        {
            return;
        }

        try
        {
            await _checkSession(client, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void OnConnected(McpClient client, TaskCompletionSource<McpClient> attempt)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                _ = client.DisposeAsync().AsTask();
                attempt.TrySetCanceled();
                return;
            }

            _client = client;
            _subscription = ToolListSubscription.Start(client, sessionEnded => ToolListChanged?.Invoke(this, client, sessionEnded));
            _lastFailure = null;
            _attempt = null;
            _lastUsed = _time.GetTimestamp();
            ArmIdleTimerUnderLock(_idleTimeout);
        }

        Log.Connected(_logger, Definition.Name, client.NegotiatedProtocolVersion);
        _ = client.Completion.ContinueWith(_ => Discard(client), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Connected?.Invoke(this, client);
        attempt.TrySetResult(client);
    }

    private void OnConnectFailed(ServerConnectionException failure, TaskCompletionSource<McpClient> attempt)
    {
        lock (_gate)
        {
            _lastFailure = failure;
            _attempt = null;
        }

        Log.ConnectFailed(_logger, Definition.Name, failure.Kind, failure.Message);
        ConnectFailed?.Invoke(this, failure);
        attempt.TrySetException(failure);
    }
}
