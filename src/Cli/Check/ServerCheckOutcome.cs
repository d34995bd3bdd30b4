using McpFleet.Drift;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Check;

/// <summary>What checking one server came to: its changes since the snapshot, or an error message that is safe to show.</summary>
/// <param name="ServerName">The server's name in <c>mcp.json</c>.</param>
/// <param name="Changes">The changes, ordered by tool; empty when the server matches its snapshot.</param>
/// <param name="ToolCount">How many tools the server offers now.</param>
/// <param name="FilePath">The snapshot file.</param>
/// <param name="WriteResult">With <c>--update</c>: what writing the new snapshot did.</param>
/// <param name="Error">Why the server could not be checked.</param>
internal sealed record ServerCheckOutcome(
    string ServerName,
    IReadOnlyList<DriftChange> Changes,
    int ToolCount = 0,
    string? FilePath = null,
    SnapshotWriteResult? WriteResult = null,
    string? Error = null)
{
    public bool Checked => Error is null;

    /// <summary>Whether a change of one of <paramref name="failOn"/> was found.</summary>
    public bool Fails(IReadOnlySet<DriftClass> failOn) => Changes.Any(change => failOn.Contains(change.Class));
}
