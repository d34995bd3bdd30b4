namespace McpFleet.Resilience;

/// <summary>The state of a circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Calls flow.</summary>
    Closed,

    /// <summary>Calls are refused without being sent.</summary>
    Open,

    /// <summary>The break is over: the next call is a trial that closes or reopens the circuit.</summary>
    HalfOpen,
}
