namespace McpFleet;

/// <summary>A server said that its list of tools changed (<c>notifications/tools/list_changed</c>).</summary>
public sealed class ToolListChangedEventArgs(string serverName) : EventArgs
{
    /// <summary>The fleet's name for the server.</summary>
    public string ServerName { get; } = serverName;
}
