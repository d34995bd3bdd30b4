namespace McpFleet.Resilience;

/// <summary>A circuit breaker changed state.</summary>
public sealed class CircuitStateChangedEventArgs(string serverName, string? toolName, CircuitState state, string reason) : EventArgs
{
    /// <summary>The server.</summary>
    public string ServerName { get; } = serverName;

    /// <summary>The tool, for a tool's circuit on the server; <see langword="null"/> for the server's own circuit.</summary>
    public string? ToolName { get; } = toolName;

    /// <summary>The new state.</summary>
    public CircuitState State { get; } = state;

    /// <summary>Why; free of arguments and secrets.</summary>
    public string Reason { get; } = reason;
}
