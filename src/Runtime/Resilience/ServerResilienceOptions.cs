namespace McpFleet.Resilience;

/// <summary>Settings for one server (by its fleet name) that replace the fleet's.</summary>
public sealed class ServerResilienceOptions
{
    /// <summary>The server's circuit breaker, instead of the fleet's.</summary>
    public CircuitBreakerOptions? CircuitBreaker { get; set; }
}
