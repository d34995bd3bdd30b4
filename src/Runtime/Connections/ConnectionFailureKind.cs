namespace McpFleet.Connections;

/// <summary>Why McpFleet could not talk to a server.</summary>
public enum ConnectionFailureKind
{
    /// <summary>The stdio server's process could not be started (e.g. the command does not exist).</summary>
    ProcessStartFailed,

    /// <summary>The stdio server's process exited.</summary>
    ProcessExited,

    /// <summary>Nothing listens at the server's address.</summary>
    ConnectionRefused,

    /// <summary>The server's address could not be reached (name resolution, network or TLS failure).</summary>
    Unreachable,

    /// <summary>The server did not answer in time.</summary>
    Timeout,

    /// <summary>The server rejected the credentials, or none were given (HTTP 401 or 403).</summary>
    AuthenticationRejected,

    /// <summary>The server answered over HTTP with an error status other than 401 or 403.</summary>
    HttpError,

    /// <summary>The server answered, but not with valid MCP.</summary>
    ProtocolError,

    /// <summary>The server's circuit breaker (or that of the tool on it) is open after recent failures: nothing was sent.</summary>
    CircuitOpen,

    /// <summary>The server is leaving the fleet and takes no new calls.</summary>
    Draining,
}
