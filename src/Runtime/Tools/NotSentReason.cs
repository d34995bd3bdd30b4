namespace McpFleet.Tools;

/// <summary>Why a call was not sent to any server.</summary>
public enum NotSentReason
{
    /// <summary>No server instance that could take the call is in the fleet.</summary>
    NoReplica,

    /// <summary>The instances could not be reached (connection refused, the process could not start, the session could
    /// not open).</summary>
    Unreachable,

    /// <summary>The circuit breakers of the instances (or of the tool on them) are open after recent failures.</summary>
    CircuitOpen,

    /// <summary>The instances are leaving the fleet and take no new calls.</summary>
    Draining,

    /// <summary>The drift policy blocks the tool on every instance (<see cref="ToolBlockedException"/>).</summary>
    DriftBlocked,

    /// <summary>The call's deadline passed while it waited for its turn or for a session.</summary>
    DeadlineExpired,

    /// <summary>The fleet is shutting down (being disposed).</summary>
    ShuttingDown,
}
