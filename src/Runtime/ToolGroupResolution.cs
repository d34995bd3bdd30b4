namespace McpFleet;

/// <summary>How a tool name shared by several servers became one unified, routable tool.</summary>
public enum ToolGroupResolution
{
    /// <summary>The servers' definitions are identical: every member is a replica.</summary>
    Replicas,

    /// <summary>The policy prefers a named server; members with its definition follow it.</summary>
    Prefer,

    /// <summary>The policy orders servers by numeric priority, highest first.</summary>
    Priority,

    /// <summary>The server with the newest (semantic) version wins.</summary>
    NewestVersion,

    /// <summary>The server with the oldest (semantic) version wins.</summary>
    OldestVersion,

    /// <summary>The unified tool takes the union of the parameters; each server receives only the arguments it accepts.</summary>
    Merge,
}
