namespace McpFleet.Snapshots;

/// <summary>What writing a snapshot file did.</summary>
public enum SnapshotWriteResult
{
    /// <summary>There was no file; it was created.</summary>
    Created,

    /// <summary>The file held a different snapshot; it was replaced.</summary>
    Updated,

    /// <summary>The file already held exactly these bytes; it was left untouched, timestamp included.</summary>
    Unchanged,
}
