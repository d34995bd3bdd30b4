namespace McpFleet.Resilience;

/// <summary>A call is being sent again: retried, failed over to another replica, or hedged.</summary>
public sealed class CallResentEventArgs(string toolName, string serverName, ResendKind kind, int attempt, bool mayHaveRun, string reason) : EventArgs
{
    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; } = toolName;

    /// <summary>The server that failed or was slow.</summary>
    public string ServerName { get; } = serverName;

    /// <summary>How the call is sent again.</summary>
    public ResendKind Kind { get; } = kind;

    /// <summary>The number of the attempt that failed or was slow, from 0.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>Whether the earlier request may have reached the server and run (a hedged one is still running);
    /// <see langword="false"/> when it provably never left this process (connection refused, circuit open).</summary>
    public bool MayHaveRun { get; } = mayHaveRun;

    /// <summary>Why; free of arguments and secrets.</summary>
    public string Reason { get; } = reason;
}
