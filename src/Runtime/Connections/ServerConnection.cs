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
    /// <param name="timeProvider">The clock of the delays.</param>
    /// <param name="logger">Receives connection events.</param>
    /// <param name="checkSession">Runs on each new session before it serves calls (the drift check); when it throws a
    /// <see cref="ServerConnectionException"/>, the session is closed and the attempt counts as failed.</param>
    public ServerConnection(
        ServerDefinition definition,
        string? protocolVersion,
        ServerConnector connector,
        ConnectionOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Func<McpClient, CancellationToken, Task>? checkSession = null)
    {
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

    /// <summary>Raised when the server says its tool list changed, with the session it said so on and a token cancelled
    /// when that session ends.</summary>
    public event Action<ServerConnection, McpClient, CancellationToken>? ToolListChanged;

    public ServerDefinition Definition { get; }

    /// <summary>Whether a session is open.</summary>
    public bool IsConnected => CurrentClient is not null;

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
