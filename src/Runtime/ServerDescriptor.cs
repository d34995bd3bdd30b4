namespace McpFleet;

/// <summary>A server as the generated code knows it from its snapshot.</summary>
/// <param name="Name">The fleet's name for the server.</param>
/// <param name="ProtocolVersion">The protocol revision recorded at capture; connections pin it unless configured otherwise.</param>
/// <param name="Tools">The tools the generated code calls.</param>
public sealed record ServerDescriptor(string Name, string? ProtocolVersion, IReadOnlyList<ToolDescriptor> Tools);
