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

        if (MaxConcurrentCalls < 1)
        {
            throw new ValidationException($"{nameof(MaxConcurrentCalls)} must be at least 1; it is {MaxConcurrentCalls}.");
        }
    }
}
