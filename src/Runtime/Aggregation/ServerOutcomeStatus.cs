namespace McpFleet.Aggregation;

/// <summary>How one server's part of a fan-out ended.</summary>
public enum ServerOutcomeStatus
{
    /// <summary>The tool returned a result.</summary>
    Succeeded,

    /// <summary>The call failed: the server could not be reached, refused the call, or the tool reported an error.</summary>
    Failed,

    /// <summary>No answer within the per-target timeout, the server's call timeout or the fan-out's deadline; the call
    /// was cancelled on the server.</summary>
    TimedOut,

    /// <summary>The answer was no longer needed (the aggregation was decided without it) or the caller cancelled; the
    /// call was cancelled on the server.</summary>
    Cancelled,
}
