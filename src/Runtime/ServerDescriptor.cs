using McpFleet.Snapshots;

namespace McpFleet;

/// <summary>A server as the generated code knows it from its snapshot.</summary>
/// <param name="Name">The fleet's name for the server.</param>
/// <param name="ProtocolVersion">The protocol revision recorded at capture; connections pin it unless configured otherwise.</param>
/// <param name="Tools">The tools the generated code calls.</param>
/// <param name="SnapshotTools">The snapshot's tool definitions. When set, each session with the server is checked for
/// drift against them before it serves calls (see <see cref="Drift.DriftOptions"/>); <see langword="null"/> leaves the
/// server unchecked. Read a tool's definition through <see cref="FleetManifest.GetSnapshotTool"/>.</param>
/// <param name="ToolsCanChange">Whether the snapshot says the server's tool list can change (<c>capabilities.tools.listChanged</c>):
/// such a server is listed again every <see cref="Drift.DriftOptions.RelistInterval"/> by default.</param>
public sealed record ServerDescriptor(string Name, string? ProtocolVersion, IReadOnlyList<ToolDescriptor> Tools, SnapshotTools? SnapshotTools = null, bool ToolsCanChange = false);
