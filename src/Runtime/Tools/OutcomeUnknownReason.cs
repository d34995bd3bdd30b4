namespace McpFleet.Tools;

/// <summary>Why a call that was sent has no known outcome.</summary>
public enum OutcomeUnknownReason
{
    /// <summary>No answer came before the call's deadline (or its attempt's timeout); the call was cancelled on the server.</summary>
    Timeout,

    /// <summary>The session with the server ended before its answer (the process exited, the connection broke).</summary>
    SessionLost,

    /// <summary>The fleet shut down (was disposed) while the call was in flight; the call was cancelled on the server.</summary>
    ShuttingDown,
}
