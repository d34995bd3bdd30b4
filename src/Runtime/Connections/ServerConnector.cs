using System.Reflection;
using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using McpFleet.Secrets;
using McpFleet.Telemetry;
using McpFleet.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>Opens MCP sessions with configured servers, bounded in time, with failures turned into
/// <see cref="ServerConnectionException"/>.</summary>
internal sealed class ServerConnector : IAsyncDisposable
{
    private static readonly Implementation s_clientInfo = new()
    {
        Name = "McpFleet",
        Version = typeof(ServerConnector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
    };

    private static readonly TimeSpan s_sdkProbeTimeout = new McpClientOptions().DiscoverProbeTimeout;

    private readonly ConnectionOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly FleetSecrets _secrets;
    private readonly ClientHandlers? _clientHandlers;
    private readonly BackgroundTasks _abandonedAttempts = new();

    /// <param name="options">Timeouts, protocol pinning and message limits; validated here.</param>
    /// <param name="loggerFactory">Receives the connector's and the MCP SDK's logs.</param>
    /// <param name="secrets">Every secret of the fleet, masked in failures and in the SDK's logs.</param>
    /// <param name="clientHandlers">What each session answers when its server asks (elicitation, sampling, roots) and
    /// where its log messages go; without it, sessions advertise no client capabilities.</param>
    public ServerConnector(ConnectionOptions options, ILoggerFactory? loggerFactory, FleetSecrets secrets, ClientHandlers? clientHandlers = null)
    {
        options.Validate();
        _options = options;
        _secrets = secrets;
        _clientHandlers = clientHandlers;
        _loggerFactory = loggerFactory is null ? null : new RedactingLoggerFactory(loggerFactory, secrets, options.LogMessageContents);
        _logger = _loggerFactory?.CreateLogger<ServerConnector>() ?? NullLogger<ServerConnector>.Instance;
    }

    /// <summary>Opens a session with <paramref name="server"/>.</summary>
    /// <param name="server">The server.</param>
    /// <param name="httpClient">The HTTP client for a remote server; left open.</param>
    /// <param name="protocolVersion">A revision to pin for this connection, overriding the server's and the options'.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <exception cref="ServerConnectionException">The server could not be reached or did not complete the handshake.</exception>
    /// <remarks>
    /// Unpinned, a handshake that fails only because the negotiation went wrong (see <see cref="NegotiationFallback"/>)
    /// is tried once more with the revision the server evidently speaks, within the same connect timeout: a healthy
    /// server is never reported as failed for answering the probe late or oddly.
    /// </remarks>
    public async Task<McpClient> ConnectAsync(ServerDefinition server, HttpClient httpClient, string? protocolVersion, CancellationToken cancellationToken)
    {
        var connectTimeout = server.ConnectTimeout ?? _options.ConnectTimeout;
        var pinned = protocolVersion ?? server.ProtocolVersion ?? _options.ProtocolVersion;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        try
        {
            if (pinned is not null)
            {
                return await OpenAsync(server, httpClient, pinned, connectTimeout, timeout.Token).ConfigureAwait(false);
            }

            try
            {
                return await OpenAsync(server, httpClient, null, connectTimeout, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && NegotiationFallback.RevisionToRetry(e) is { } revision)
            {
                Log.NegotiationRetried(_logger, server.Name, revision, _secrets.Mask(e.Message));
                return await OpenAsync(server, httpClient, revision, connectTimeout, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw ConnectionFailureClassifier.Timeout(server, connectTimeout, "the MCP handshake", _secrets);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ConnectionFailureClassifier.Classify(server, e, _secrets);
        }
    }

    /// <summary>One handshake: <paramref name="revision"/> pinned, or negotiated when <see langword="null"/>.</summary>
    private async Task<McpClient> OpenAsync(ServerDefinition server, HttpClient httpClient, string? revision, TimeSpan connectTimeout, CancellationToken timeout)
    {
        var clientOptions = new McpClientOptions
        {
            ClientInfo = s_clientInfo,
            ProtocolVersion = revision,
            InitializationTimeout = connectTimeout,
            // With a pinned revision there is nothing to fall back to, so the probe is just the handshake: bounded by the
            // connect timeout, not cut short, which would fail a stdio server that merely starts slowly.
            DiscoverProbeTimeout = revision is null ? ProbeTimeoutOf(server, connectTimeout) : Timeout.InfiniteTimeSpan,
        };
        _clientHandlers?.Configure(server, clientOptions);

        var transport = ClientTransportFactory.Create(server, httpClient, MaxMessageSizeOf(server), _loggerFactory);
        var connecting = McpClient.CreateAsync(transport, clientOptions, _loggerFactory, timeout);
        try
        {
            // The SDK may finish its discovery probe before it looks at the token again; WaitAsync keeps the bound.
            var client = await connecting.WaitAsync(timeout).ConfigureAwait(false);
            if (_clientHandlers is not null)
            {
                await _clientHandlers.SessionOpenedAsync(server, client, timeout).ConfigureAwait(false);
            }

            return client;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Abandon(connecting);
            throw;
        }
    }

    /// <summary>
    /// The configured probe timeout, or the SDK's for a remote server; a stdio server's probe waits for its process to
    /// start, so it gets all of the connect timeout but what the fallback needs once the process runs: 5 s, or half of a
    /// short timeout.
    /// </summary>
    private TimeSpan ProbeTimeoutOf(ServerDefinition server, TimeSpan connectTimeout) =>
        _options.DiscoverProbeTimeout
        ?? (server.Transport != TransportKind.Stdio ? s_sdkProbeTimeout
            : connectTimeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromTicks(Math.Max(connectTimeout.Ticks / 2, (connectTimeout - s_sdkProbeTimeout).Ticks)));

    private long MaxMessageSizeOf(ServerDefinition server) => server.MaxMessageSize ?? _options.MaxMessageSize;

    /// <summary>Waits until the sessions and child processes of abandoned attempts are gone.</summary>
    public async ValueTask DisposeAsync() => await _abandonedAttempts.WhenAllAsync().ConfigureAwait(false);

    /// <summary>
    /// The SDK may not notice cancellation until its discovery probe ends, and closing a stdio server waits for it
    /// to exit, so a timed-out attempt is cleaned up in the background and awaited on <see cref="DisposeAsync"/>:
    /// no session or child process outlives the connector.
    /// </summary>
    private void Abandon(Task<McpClient> connecting)
    {
        _abandonedAttempts.Track(CloseAsync(connecting));
    }

    private static async Task CloseAsync(Task<McpClient> connecting)
    {
        McpClient client;
        try
        {
            client = await connecting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or McpException or IOException or HttpRequestException or TimeoutException or System.Net.WebSockets.WebSocketException)
        {
            return; // the SDK disposed the session of a failed attempt itself
        }

        await client.DisposeAsync().ConfigureAwait(false);
    }
}
