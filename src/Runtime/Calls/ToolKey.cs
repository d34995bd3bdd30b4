namespace McpFleet.Calls;

/// <summary>
/// How per-tool settings (resilience, routing, caching) name what they apply to: <c>server/tool</c> for a server's
/// tool (the server's snapshot name; its replicas share the setting), and the wire name alone for a unified tool. Two
/// servers' unrelated tools of the same name are configured apart.
/// </summary>
internal static class ToolKey
{
    public static string Of(ToolDescriptor tool) => Of(tool.ServerName, tool.ToolName);

    public static string Of(string serverName, string toolName) => $"{serverName}/{toolName}";

    public static string Of(ToolGroupDescriptor group) => group.ToolName;
}
