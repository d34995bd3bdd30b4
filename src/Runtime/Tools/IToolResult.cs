using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>A typed tool result, read from a successful <see cref="CallToolResult"/> by generated code without reflection.</summary>
/// <typeparam name="TSelf">The result type.</typeparam>
public interface IToolResult<TSelf>
    where TSelf : IToolResult<TSelf>
{
    /// <summary>Reads the result.</summary>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    static abstract TSelf FromCallToolResult(CallToolResult result, ToolDescriptor tool);
}
