namespace McpFleet.Drift;

/// <summary>What a <see cref="DriftAction.Block"/> refuses.</summary>
public enum DriftBlockScope
{
    /// <summary>Only the tools whose changes are blocked.</summary>
    Tools,

    /// <summary>Every tool of the server: one blocked change makes the whole server suspect.</summary>
    Server,
}
