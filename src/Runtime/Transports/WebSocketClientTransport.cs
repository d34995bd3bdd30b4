using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Transports;

/// <summary>
/// An MCP client transport over WebSocket: one connection per session, one JSON-RPC message per text message. Use it with
/// <c>McpClient.CreateAsync</c>; each <see cref="ConnectAsync"/> opens a new connection.
/// </summary>
/// <remarks>
/// Connecting fails with a <see cref="WebSocketException"/> when the server cannot be reached (its inner exception, an
/// <see cref="HttpRequestException"/>, holds the <see cref="System.Net.Sockets.SocketException"/> of a refused connection), with an
/// <see cref="HttpRequestException"/> whose <see cref="HttpRequestException.StatusCode"/> is set when the server answers the upgrade
/// request with an HTTP status other than 101 (such as 401, or a redirect, which is never followed), and with a <see cref="TimeoutException"/> after
/// <see cref="WebSocketClientTransportOptions.ConnectTimeout"/>.
/// </remarks>
public sealed class WebSocketClientTransport : IClientTransport
{
    // Pings detect a server that vanished without closing the connection (network loss, a suspended host), which would
    // otherwise leave the session looking alive until each call times out. (.NET 8 only sends unanswered keep-alives,
    // so there a vanished server is found by the call timeout.)
    private static readonly TimeSpan s_keepAliveInterval = TimeSpan.FromSeconds(15);
#if NET9_0_OR_GREATER
    private static readonly TimeSpan s_keepAliveTimeout = TimeSpan.FromSeconds(30);
#endif

    // ClientWebSocket's own handler follows redirects, sending every header it was given to wherever they point; this one
    // does not, so a server's headers and token go to its own endpoint only.
    private static readonly HttpMessageInvoker s_noRedirects = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private readonly WebSocketClientTransportOptions _options;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates the transport; nothing connects until <see cref="ConnectAsync"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> has no absolute <c>ws://</c> or <c>wss://</c> endpoint,
    /// no headers dictionary, a connect timeout that is not positive, or a maximum message size that is not.</exception>
    public WebSocketClientTransport(WebSocketClientTransportOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            throw new ArgumentException("The endpoint must be an absolute ws:// or wss:// URL.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.AdditionalHeaders, $"{nameof(options)}.{nameof(options.AdditionalHeaders)}");
        if (options.ConnectTimeout <= TimeSpan.Zero && options.ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConnectTimeout, "The connect timeout must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxMessageSize, $"{nameof(options)}.{nameof(options.MaxMessageSize)}");
        _options = options;
        _loggerFactory = loggerFactory;
        Name = options.Name ?? options.Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Opens a WebSocket connection to the endpoint and returns the session running over it.</summary>
    /// <exception cref="WebSocketException">The server could not be reached, or the handshake failed.</exception>
    /// <exception cref="HttpRequestException">The server answered the upgrade request with an HTTP error, such as 401 Unauthorized;
    /// <see cref="HttpRequestException.StatusCode"/> holds it.</exception>
    /// <exception cref="TimeoutException">The connection was not open within the connect timeout.</exception>
    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        ClientWebSocket socket = new();
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connecting.CancelAfter(_options.ConnectTimeout);
            try
            {
                await ConfigureAsync(socket.Options, connecting.Token).ConfigureAwait(false);
                await socket.ConnectAsync(_options.Endpoint, s_noRedirects, connecting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (connecting.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The WebSocket connection was not open within {_options.ConnectTimeout.TotalSeconds:0.#} s.", exception);
            }
            catch (WebSocketException exception) when (socket.HttpStatusCode is not (0 or HttpStatusCode.SwitchingProtocols))
            {
                // ClientWebSocket reports a refused upgrade as a WebSocketException with the status only in a message; an
                // HttpRequestException with StatusCode is how HTTP transports report it, so callers can tell 401 from the rest.
                var redirect = (int)socket.HttpStatusCode is >= 300 and < 400
                    ? "; WebSocket connections are not redirected, so that no header or credential configured for the server is sent elsewhere"
                    : "";
                throw new HttpRequestException(
                    $"The server answered the WebSocket upgrade request with HTTP {(int)socket.HttpStatusCode} ({socket.HttpStatusCode}){redirect}.",
                    exception,
                    socket.HttpStatusCode);
            }

            return new WebSocketSessionTransport(Name, socket, _options.MaxMessageSize, _loggerFactory);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async ValueTask ConfigureAsync(ClientWebSocketOptions socket, CancellationToken cancellationToken)
    {
        // Keeps the status code of a refused upgrade request, for the HttpRequestException above.
        socket.CollectHttpResponseDetails = true;
        socket.KeepAliveInterval = s_keepAliveInterval;
#if NET9_0_OR_GREATER
        socket.KeepAliveTimeout = s_keepAliveTimeout;
#endif
        foreach (var (name, value) in _options.AdditionalHeaders)
        {
            socket.SetRequestHeader(name, value);
        }

        if (_options.TokenProvider is { } tokenProvider)
        {
            var token = await tokenProvider(cancellationToken).ConfigureAwait(false);
            socket.SetRequestHeader("Authorization", $"Bearer {token}");
        }
    }
}
