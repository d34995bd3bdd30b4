namespace McpFleet.Alerts;

/// <summary>What an alert watches.</summary>
public enum AlertKind
{
    /// <summary>A service has fewer routable instances (neither unhealthy nor draining) than its minimum.</summary>
    HealthyReplicas,

    /// <summary>The share of failed calls over the window is above its maximum.</summary>
    ErrorRate,

    /// <summary>The 99th percentile of call latency over the window is above its maximum.</summary>
    P99Latency,
}
