namespace McpFleet.Generator.Model;

/// <summary>How a tool's result is typed.</summary>
internal enum ToolResultKind
{
    /// <summary>No output schema: <c>McpFleet.Tools.TextToolResult</c>.</summary>
    Text,

    /// <summary>An output schema without a typed form: <c>McpFleet.Tools.JsonToolResult</c>.</summary>
    Json,

    /// <summary>An object output schema with properties: a generated result record.</summary>
    Typed,
}
