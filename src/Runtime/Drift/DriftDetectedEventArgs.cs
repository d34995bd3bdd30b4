namespace McpFleet.Drift;

/// <summary>
/// A server's live tool definitions differ from its snapshot: raised when a session opens or the server's tool list
/// changes, and the changes differ from what the server's previous check found.
/// </summary>
public sealed class DriftDetectedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="serverName">The fleet's name for the server.</param>
    /// <param name="decisions">Every change and its action, ordered by tool name.</param>
    /// <param name="blockedTools">The tools whose calls are refused now, in ordinal order.</param>
    /// <param name="isServerBlocked">Whether every call of the server is refused.</param>
    public DriftDetectedEventArgs(string serverName, IReadOnlyList<DriftDecision> decisions, IReadOnlyList<string> blockedTools, bool isServerBlocked)
    {
        ArgumentNullException.ThrowIfNull(serverName);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(blockedTools);
        ServerName = serverName;
        Decisions = decisions;
        BlockedTools = blockedTools;
        IsServerBlocked = isServerBlocked;
    }

    /// <summary>The fleet's name for the server.</summary>
    public string ServerName { get; }

    /// <summary>Every change and its action, ordered by tool name.</summary>
    public IReadOnlyList<DriftDecision> Decisions { get; }

    /// <summary>The tools of the snapshot whose calls are refused now, in ordinal order; with
    /// <see cref="IsServerBlocked"/>, calls of every tool are.</summary>
    public IReadOnlyList<string> BlockedTools { get; }

    /// <summary>Whether every call of the server is refused (a block with <see cref="DriftBlockScope.Server"/>).</summary>
    public bool IsServerBlocked { get; }
}
