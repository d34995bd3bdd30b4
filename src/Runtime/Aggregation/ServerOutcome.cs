using System.Globalization;

namespace McpFleet.Aggregation;

/// <summary>How one server's part of a fan-out ended, without its value; <see cref="ServerOutcome{TResult}"/> has the value.</summary>
public abstract class ServerOutcome
{
    private protected ServerOutcome(string server, ServerOutcomeStatus status, Exception? exception, TimeSpan latency)
    {
        Server = server;
        Status = status;
        Exception = exception;
        Latency = latency;
    }

    /// <summary>The fleet's name for the server (the instance, for a replica).</summary>
    public string Server { get; }

    /// <summary>How the call ended.</summary>
    public ServerOutcomeStatus Status { get; }

    /// <summary>Why the call did not succeed; <see langword="null"/> when it did.</summary>
    public Exception? Exception { get; }

    /// <summary>From the start of the call to its outcome.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Whether the tool returned a result.</summary>
    public bool Succeeded => Status == ServerOutcomeStatus.Succeeded;

    /// <summary>The server, the status, the latency and the cause of a failure, e.g. for logs.</summary>
    public override string ToString()
    {
        var status = Status switch
        {
            ServerOutcomeStatus.Succeeded => "succeeded",
            ServerOutcomeStatus.Failed => "failed",
            ServerOutcomeStatus.TimedOut => "timed out",
            _ => "cancelled",
        };
        var text = string.Create(CultureInfo.InvariantCulture, $"'{Server}' {status} after {Latency.TotalMilliseconds:0} ms");
        return Status is ServerOutcomeStatus.Failed or ServerOutcomeStatus.TimedOut && Exception is not null
            ? $"{text} ({Exception.GetType().Name}: {Exception.Message})"
            : text;
    }
}
