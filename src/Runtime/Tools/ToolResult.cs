using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>The base of every typed tool result: the raw protocol result stays at hand.</summary>
public abstract record ToolResult
{
    /// <summary>The result as the server sent it: content blocks, structured content and metadata.</summary>
    public required CallToolResult RawResult { get; init; }
}
