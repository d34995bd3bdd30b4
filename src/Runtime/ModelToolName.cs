namespace McpFleet;

/// <summary>
/// The name under which a tool is shown to a model, e.g. when the fleet's tools are exported to an AI client:
/// <c>server__tool</c>, kept within 64 characters of <c>[A-Za-z0-9_-]</c> by a stable hash suffix.
/// </summary>
/// <param name="Name">The model-facing name.</param>
/// <param name="Tool">The tool it stands for.</param>
public sealed record ModelToolName(string Name, ToolDescriptor Tool);
