using McpFleet.Drift;

namespace McpFleet.Tools;

/// <summary>
/// The call was refused before it was sent: the server's live definition of the tool (or, with
/// <see cref="DriftBlockScope.Server"/>, of any of its tools) drifted from the snapshot in a way the drift policy blocks.
/// The rest of the fleet keeps working; recapture the snapshot and rebuild, or change <see cref="FleetOptions.Drift"/>.
/// </summary>
public sealed class ToolBlockedException : ToolNotSentException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolBlockedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused call of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was to be called.</param>
    /// <param name="instanceName">The server instance the call would have gone to: the tool's server or one of its replicas.</param>
    /// <param name="changes">The blocked changes: the tool's own, or with <paramref name="isServerBlocked"/> the server's.</param>
    /// <param name="isServerBlocked">Whether the whole server is blocked.</param>
    public ToolBlockedException(ToolDescriptor tool, string instanceName, IReadOnlyList<DriftChange> changes, bool isServerBlocked)
        : base(tool, NotSentReason.DriftBlocked, Describe(tool, instanceName, changes, isServerBlocked))
    {
        InstanceName = instanceName;
        Changes = changes;
        IsServerBlocked = isServerBlocked;
    }

    /// <summary>The server instance the call would have gone to: <see cref="ToolException.ServerName"/> or one of its replicas.</summary>
    public string InstanceName { get; } = "";

    /// <summary>The changes the policy blocks: the tool's own, or with <see cref="IsServerBlocked"/> the whole server's.</summary>
    public IReadOnlyList<DriftChange> Changes { get; } = [];

    /// <summary>Whether every tool of the server is refused (<see cref="DriftBlockScope.Server"/>).</summary>
    public bool IsServerBlocked { get; }

    private static string Describe(ToolDescriptor tool, string instanceName, IReadOnlyList<DriftChange> changes, bool isServerBlocked)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(changes);
        var server = instanceName == tool.ServerName ? $"server '{tool.ServerName}'" : $"server '{instanceName}' (an instance of '{tool.ServerName}')";
        var what = isServerBlocked
            ? $"Tool '{tool.ToolName}' was not called: every tool of {server} is blocked by the drift policy"
            : $"Tool '{tool.ToolName}' on {server} is blocked by the drift policy";
        var reasons = string.Join("; ", changes.Select(change => $"'{change.ToolName}': {change.Detail} ({DriftNames.Describe(change.Class)})"));
        return $"{what}, as its live definition differs from the snapshot: {reasons}. Recapture the snapshot (mcpfleet check --update) and rebuild, or change FleetOptions.Drift.";
    }
}
