namespace McpFleet.Health;

/// <summary>What the fleet knows of a server's health.</summary>
public enum ServerHealth
{
    /// <summary>Not checked yet: the server is routable.</summary>
    Unknown,

    /// <summary>The last probe or call succeeded.</summary>
    Healthy,

    /// <summary>Probes or calls failed often enough in a row: the server gets no routed calls until a probe succeeds.</summary>
    Unhealthy,
}
