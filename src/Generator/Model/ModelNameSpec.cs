namespace McpFleet.Generator.Model;

/// <summary>A tool's model-facing name, e.g. <c>alpha__echo</c>.</summary>
/// <param name="Name">The model-facing name.</param>
/// <param name="ServerName">The server's name.</param>
/// <param name="ToolName">The tool's wire name.</param>
/// <param name="ServerNamespace">The namespace of the server's proxy class.</param>
/// <param name="ServerClassName">The server's proxy class.</param>
/// <param name="ToolIdentifier">The tool's field in the class's <c>Tools</c>.</param>
/// <param name="IsChanged">Whether the name was sanitised or shortened rather than just joined.</param>
internal sealed record ModelNameSpec(
    string Name,
    string ServerName,
    string ToolName,
    string ServerNamespace,
    string ServerClassName,
    string ToolIdentifier,
    bool IsChanged);
