using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Drift;
using McpFleet.Snapshots;
using McpFleet.Testing;
using McpFleet.Tools;

namespace McpFleet.Tests.Security;

/// <summary>The hostile test server (<see cref="HostileServer"/>) as fleet servers, and calls of its tools by name.</summary>
internal static class Hostile
{
    public static ServerDefinition Stdio(string name, params string[] args)
    {
        var (command, arguments) = HostileServer.Stdio(["--name", name, .. args]);
        return ServerDefinition.Stdio(name, command, arguments);
    }

    public static ToolDescriptor Tool(string server, string tool, ToolHints? hints = null) => new(server, tool, hints ?? ToolHints.None);

    public static Task<TextToolResult> CallAsync(FleetRuntime runtime, string server, string tool, string arguments = "{}", CancellationToken cancellationToken = default) =>
        runtime.CallToolAsync<JsonToolArguments, TextToolResult>(Tool(server, tool), JsonToolArguments.Parse(arguments), cancellationToken);

    /// <summary>The server's descriptor from a snapshot captured now, as the generator would make it: its tools, as
    /// JSON for drift checks, and whether they can change.</summary>
    public static async Task<ServerDescriptor> CaptureAsync(ServerDefinition server)
    {
        await using var capturer = new SnapshotCapturer();
        var snapshot = await capturer.CaptureAsync(server);
        var tools = StricterHints.ByName(snapshot.Tools).Select(tool => Tool(server.Service, tool.Key, tool.Value)).ToList();
        return new ServerDescriptor(
            server.Service,
            snapshot.ProtocolVersion,
            tools,
            SnapshotTools.FromJson(JsonSerializer.Serialize(snapshot.Tools)),
            snapshot.Capabilities is { } capabilities && capabilities.TryGetProperty("tools", out var capability)
                && capability.TryGetProperty("listChanged", out var listChanged) && listChanged.GetBoolean());
    }
}
