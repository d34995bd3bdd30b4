using System.ComponentModel.DataAnnotations;

namespace McpFleet.Connections;

/// <summary>How McpFleet opens sessions with servers.</summary>
public sealed class ConnectionOptions
{
    /// <summary>How long opening a session may take, process start and handshake included. Default: 30 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request (a list, a call) may take before it is cancelled. Default: 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before the first reconnection attempt after a failure; later waits double, with jitter. Default: 0.5 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts. Default: 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most calls sent to one server at once, unless the server's definition says otherwise; further calls
    /// wait their turn. Default: <see cref="int.MaxValue"/>, no bound (a bound costs every call a wait on a semaphore).</summary>
    public int MaxConcurrentCalls { get; set; } = int.MaxValue;

    /// <summary>
    /// A protocol revision to use for every server that does not name its own. <see langword="null"/> (the default)
    /// lets the client probe for the newest revision and fall back.
    /// </summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>
    /// How long an unpinned handshake waits for the answer to its <c>server/discover</c> probe before it falls back to
    /// <c>initialize</c>. <see langword="null"/> (the default): the SDK's 5 s for a remote server; for a stdio server, whose
    /// answer waits for its process to start (longer than 5 s on a busy machine), the connect timeout less 5 s for the
    /// fallback, or half a connect timeout under 10 s. A server that answers later still connects, on a second attempt.
    /// </summary>
    public TimeSpan? DiscoverProbeTimeout { get; set; }

    /// <summary>The default <see cref="MaxMessageSize"/>: 4 MiB.</summary>
    public const long DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The smallest <see cref="MaxMessageSize"/> allowed: 1 KiB.</summary>
    internal const long MinMaxMessageSize = 1024;

    /// <summary>The largest <see cref="MaxMessageSize"/> allowed: 1 GiB.</summary>
    internal const long MaxMaxMessageSize = 1024 * 1024 * 1024;

    /// <summary>
    /// The largest message, in bytes, accepted from a server that does not set its own
    /// (<see cref="Configuration.ServerDefinition.MaxMessageSize"/>). It is enforced as the bytes arrive, on every
    /// transport; a larger message fails the request waiting for it with a <see cref="Transports.MessageTooLargeException"/>,
    /// and ends a stdio or WebSocket session, whose stream cannot be resynchronised. Default: 4 MiB.
    /// </summary>
    public long MaxMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>
    /// Whether the MCP SDK may log every message in full at Trace level: tool arguments and results, which no masking
    /// can know to hide. Default: <see langword="false"/>, so the SDK's Trace logs are dropped.
    /// </summary>
    public bool LogMessageContents { get; set; }

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate()
    {
        if (ConnectTimeout <= TimeSpan.Zero && ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(ConnectTimeout)} must be positive or infinite; it is {ConnectTimeout}.");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(RequestTimeout)} must be positive or infinite; it is {RequestTimeout}.");
        }

        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay)
        {
            throw new ValidationException($"{nameof(ReconnectDelay)} must be positive and at most {nameof(MaxReconnectDelay)}; they are {ReconnectDelay} and {MaxReconnectDelay}.");
        }

        if (DiscoverProbeTimeout is { } probeTimeout && probeTimeout <= TimeSpan.Zero && probeTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(DiscoverProbeTimeout)} must be positive or infinite; it is {DiscoverProbeTimeout}.");
        }

        if (MaxMessageSize is < MinMaxMessageSize or > MaxMaxMessageSize)
        {
            throw new ValidationException($"{nameof(MaxMessageSize)} must be from {MinMaxMessageSize} to {MaxMaxMessageSize} bytes; it is {MaxMessageSize}.");
        }

        if (MaxConcurrentCalls < 1)
        {
            throw new ValidationException($"{nameof(MaxConcurrentCalls)} must be at least 1; it is {MaxConcurrentCalls}.");
        }
    }
}
