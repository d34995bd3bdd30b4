namespace McpFleet;

/// <summary>
/// One tool name offered by several servers, unified into one routable tool by the build's conflict resolution: the
/// fleet's unified method calls one of the members.
/// </summary>
/// <param name="ToolName">The tool's wire name (the same on every member).</param>
/// <param name="Members">The servers' tools, in order of preference (the resolution's winner first).</param>
/// <param name="Resolution">How the group was formed.</param>
public sealed record ToolGroupDescriptor(string ToolName, IReadOnlyList<ToolGroupMember> Members, ToolGroupResolution Resolution)
{
    /// <inheritdoc />
    public override string ToString() => $"tool '{ToolName}' on {string.Join(", ", Members.Select(m => $"'{m.Tool.ServerName}'"))}";
}
