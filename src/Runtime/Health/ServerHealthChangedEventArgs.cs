namespace McpFleet.Health;

/// <summary>A server's health changed.</summary>
public sealed class ServerHealthChangedEventArgs(string serverName, ServerHealth previous, ServerHealth current, string reason, DateTimeOffset timestamp) : EventArgs
{
    /// <summary>The fleet's name for the server.</summary>
    public string ServerName { get; } = serverName;

    /// <summary>The health before.</summary>
    public ServerHealth Previous { get; } = previous;

    /// <summary>The health now.</summary>
    public ServerHealth Current { get; } = current;

    /// <summary>What caused the change, e.g. the failure that crossed the threshold; free of secrets.</summary>
    public string Reason { get; } = reason;

    /// <summary>When it changed, by the fleet's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;
}
