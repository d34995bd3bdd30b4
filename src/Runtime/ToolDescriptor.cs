namespace McpFleet;

/// <summary>A tool as the generated code knows it from its snapshot: where it lives and how it behaves.</summary>
/// <param name="ServerName">The fleet's name for the server offering the tool.</param>
/// <param name="ToolName">The tool's name on the wire.</param>
/// <param name="Hints">The behaviour hints the server declared.</param>
public sealed record ToolDescriptor(string ServerName, string ToolName, ToolHints Hints)
{
    /// <inheritdoc />
    public override string ToString() => $"tool '{ToolName}' on server '{ServerName}'";
}
