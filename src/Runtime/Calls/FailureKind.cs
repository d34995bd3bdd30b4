namespace McpFleet.Calls;

/// <summary>What ended an attempt, as <see cref="OutcomeClassifier"/> decides it.</summary>
internal enum FailureKind
{
    /// <summary>Not sent: the server could not be reached, or its session could not open.</summary>
    Unreachable,

    /// <summary>Not sent: a circuit breaker (the server's or the tool's on it) is open.</summary>
    CircuitOpen,

    /// <summary>Not sent: the server is leaving the fleet.</summary>
    Draining,

    /// <summary>Not sent: the drift policy blocks the tool on the server.</summary>
    Blocked,

    /// <summary>Not sent: the attempt's timeout or the call's deadline passed while it was queued or connecting.</summary>
    TimedOutBeforeSending,

    /// <summary>Sent: the server answered with an error other than an internal one (unknown tool, invalid arguments): it did not run.</summary>
    Refused,

    /// <summary>Sent: the server answered with an internal error; the tool may have run in part.</summary>
    ServerError,

    /// <summary>Sent: the answer was larger than the server may send, and was refused unread.</summary>
    MessageTooLarge,

    /// <summary>Sent: no answer within the attempt's timeout or the call's deadline.</summary>
    TimedOut,

    /// <summary>Sent: the session ended before the answer.</summary>
    SessionLost,

    /// <summary>The fleet is shutting down; sent or not, as the attempt's delivery says.</summary>
    ShuttingDown,

    /// <summary>The caller cancelled the call, or a hedge answered first.</summary>
    Cancelled,
}
