using System.ComponentModel.DataAnnotations;

namespace McpFleet.Connections;

/// <summary>
/// How long sessions stay open: like a connection pool, an idle session is closed (a stdio server's process ends) and
/// the next call opens a new one; a number of warm sessions per service are kept open instead.
/// </summary>
public sealed class SessionOptions
{
    /// <summary>
    /// How long a session may go without a call (or a listing, or a resource request) before it is closed; health
    /// probes do not count as use. A session is never closed while a request is in flight on it. Default:
    /// <see cref="Timeout.InfiniteTimeSpan"/>, sessions stay open.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// How many instances of each service (a server and its replicas, first by name) keep their session open: they are
    /// connected when the fleet starts (or as they join), never closed for idleness, and reconnected at once when their
    /// session is lost, so the next call never waits for a process to start. Default: 0.
    /// </summary>
    public int WarmSessions { get; set; }

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero && IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(IdleTimeout)} must be positive or infinite; it is {IdleTimeout}.");
        }

        if (WarmSessions < 0)
        {
            throw new ValidationException($"{nameof(WarmSessions)} must not be negative; it is {WarmSessions}.");
        }
    }
}
