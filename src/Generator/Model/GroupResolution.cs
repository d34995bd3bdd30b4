namespace McpFleet.Generator.Model;

/// <summary>How a unified tool was formed; the names are those of the runtime's <c>McpFleet.ToolGroupResolution</c>.</summary>
internal enum GroupResolution
{
    Replicas,
    Prefer,
    Priority,
    NewestVersion,
    OldestVersion,
    Merge,
}
