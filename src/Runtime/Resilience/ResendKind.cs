namespace McpFleet.Resilience;

/// <summary>Why a call was sent again.</summary>
public enum ResendKind
{
    /// <summary>The same server, or the only ones there are, after a delay.</summary>
    Retry,

    /// <summary>Another replica, at once.</summary>
    Failover,

    /// <summary>Another replica as well, because the first had not answered within the hedging delay.</summary>
    Hedge,
}
