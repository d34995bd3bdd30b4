using System.Reflection;
using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using McpFleet.Telemetry;
using McpFleet.Transports;
using Microsoft.Extensions.Logging;
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

    private readonly ConnectionOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ClientHandlers? _clientHandlers;
    private readonly BackgroundTasks _abandonedAttempts = new();

    /// <param name="options">Timeouts and protocol pinning.</param>
    /// <param name="loggerFactory">Receives the MCP SDK's logs.</param>
    /// <param name="clientHandlers">What each session answers when its server asks (elicitation, sampling, roots) and
    /// where its log messages go; without it, sessions advertise no client capabilities.</param>
    public ServerConnector(ConnectionOptions options, ILoggerFactory? loggerFactory, ClientHandlers? clientHandlers = null)
    {
        options.Validate();
        _options = options;
        _loggerFactory = loggerFactory;
        _clientHandlers = clientHandlers;
    }

    /// <summary>Opens a session with <paramref name="server"/>.</summary>
    /// <param name="server">The server.</param>
    /// <param name="httpClient">The HTTP client for a remote server; left open.</param>
    /// <param name="protocolVersion">A revision to pin for this connection, overriding the server's and the options'.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <exception cref="ServerConnectionException">The server could not be reached or did not complete the handshake.</exception>
    public async Task<McpClient> ConnectAsync(ServerDefinition server, HttpClient httpClient, string? protocolVersion, CancellationToken cancellationToken)
    {
        var connectTimeout = server.ConnectTimeout ?? _options.ConnectTimeout;
        var pinned = protocolVersion ?? server.ProtocolVersion ?? _options.ProtocolVersion;
        var clientOptions = new McpClientOptions
        {
            ClientInfo = s_clientInfo,
            ProtocolVersion = pinned,
            InitializationTimeout = connectTimeout,
            // With a pinned revision there is nothing to fall back to, so the probe is just the handshake: bounded by the
            // connect timeout, not cut at 5 s, which would fail a stdio server that merely starts slowly.
            DiscoverProbeTimeout = pinned is null ? new McpClientOptions().DiscoverProbeTimeout : Timeout.InfiniteTimeSpan,
        };
        _clientHandlers?.Configure(server, clientOptions);

        // The SDK logs what a stdio server writes to stderr: mask this server's secrets in it.
        var logging = _loggerFactory is null || server.Secrets.IsEmpty ? _loggerFactory : new RedactingLoggerFactory(_loggerFactory, server.Secrets);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        Task<McpClient> connecting;
        try
        {
            connecting = McpClient.CreateAsync(ClientTransportFactory.Create(server, httpClient, logging), clientOptions, logging, timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ConnectionFailureClassifier.Classify(server, e);
        }

        try
        {
            // The SDK may finish its discovery probe before it looks at the token again; WaitAsync keeps the bound.
            var client = await connecting.WaitAsync(timeout.Token).ConfigureAwait(false);
            if (_clientHandlers is not null)
            {
                await _clientHandlers.SessionOpenedAsync(server, client, timeout.Token).ConfigureAwait(false);
            }

            return client;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Abandon(connecting);
            cancellationToken.ThrowIfCancellationRequested();
            throw ConnectionFailureClassifier.Timeout(server, connectTimeout, "the MCP handshake");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ConnectionFailureClassifier.Classify(server, e);
        }
    }

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
