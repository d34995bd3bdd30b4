namespace McpFleet.Transports;

/// <summary>Options for <see cref="WebSocketClientTransport"/>: where to connect, and what the upgrade request carries.</summary>
public sealed class WebSocketClientTransportOptions
{
    /// <summary>The default <see cref="ConnectTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MaxMessageSize"/>: 16 MiB.</summary>
    public const int DefaultMaxMessageSize = 16 * 1024 * 1024;

    /// <summary>The server's endpoint, a <c>ws://</c> or <c>wss://</c> URL such as <c>ws://127.0.0.1:8080/ws</c>.</summary>
    public required Uri Endpoint { get; set; }

    /// <summary>The transport's name, used in logs; by default the endpoint without user info or query, which may carry credentials.</summary>
    public string? Name { get; set; }

    /// <summary>Headers sent with the upgrade request, such as an API key; their values are secrets and never logged.</summary>
    public IDictionary<string, string> AdditionalHeaders { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long opening the connection may take, token and handshake included; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan ConnectTimeout { get; set; } = DefaultConnectTimeout;

    /// <summary>
    /// Called on each connect for a token sent as <c>Authorization: Bearer &lt;token&gt;</c>, so a new session gets a fresh one;
    /// it replaces an <c>Authorization</c> header in <see cref="AdditionalHeaders"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// The largest message accepted from the server, in bytes; a larger one ends the session, with a
    /// <see cref="MessageTooLargeException"/> as the cause. By default 16 MiB (a fleet passes its own limit, 4 MiB by default).
    /// </summary>
    public int MaxMessageSize { get; set; } = DefaultMaxMessageSize;
}
