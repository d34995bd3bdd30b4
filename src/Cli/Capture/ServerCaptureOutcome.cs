using McpFleet.Snapshots;

namespace McpFleet.Cli.Capture;

/// <summary>What capturing one server came to: a written snapshot, or an error message that is safe to show.</summary>
internal sealed record ServerCaptureOutcome(
    string ServerName,
    TimeSpan Elapsed,
    ProtocolVersionSource ProtocolSource,
    ServerSnapshot? Snapshot = null,
    string? FilePath = null,
    SnapshotWriteResult? WriteResult = null,
    string? Error = null)
{
    public bool Succeeded => Error is null;
}
