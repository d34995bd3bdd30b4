namespace McpFleet.Resilience;

/// <summary>Whether a call whose request may have reached the server can be sent again (retried, failed over or hedged).</summary>
public enum ResendPolicy
{
    /// <summary>By the tool's hints: only read-only and idempotent tools are sent again. Requests that provably never
    /// reached a server (connection refused, circuit open) are always sent elsewhere.</summary>
    Automatic,

    /// <summary>Always sent again: the application knows repeating the call is harmless, whatever the hints say.</summary>
    Always,

    /// <summary>Never sent again once it may have been delivered, even when the hints say it is safe.</summary>
    Never,
}
