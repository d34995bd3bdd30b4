namespace McpFleet.Resilience;

/// <summary>Settings for one server's tool (<c>server/tool</c>) or one unified tool (its wire name) that replace the
/// fleet's; unset ones keep the fleet's.</summary>
public sealed class ToolResilienceOptions
{
    /// <summary>Whether a call that may have been delivered is sent again. Default: by the tool's hints.</summary>
    public ResendPolicy Resend { get; set; } = ResendPolicy.Automatic;

    /// <summary>The tool's retries, instead of the fleet's.</summary>
    public RetryOptions? Retry { get; set; }

    /// <summary>The tool's hedging, instead of the fleet's.</summary>
    public HedgingOptions? Hedging { get; set; }

    /// <summary>The tool's circuit breaker on each server, instead of the fleet's.</summary>
    public CircuitBreakerOptions? CircuitBreaker { get; set; }

    /// <summary>How long a call may take, all its attempts together, instead of the server's or the fleet's call timeout.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How long one attempt may take, instead of <see cref="ResilienceOptions.AttemptTimeout"/>.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// The servers to fail over to, in this order, after the routed first attempt failed; servers not listed follow, as
    /// the routing strategy chooses. Empty (the default): every attempt is routed.
    /// </summary>
    public IList<string> FailoverOrder { get; } = [];
}
