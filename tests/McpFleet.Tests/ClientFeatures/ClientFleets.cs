using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFleet.Tests.ClientFeatures;

/// <summary>Runtimes over real servers with client features configured, and untyped calls of their tools.</summary>
internal static class ClientFleets
{
    /// <summary><c>server-everything</c> on stdio, pinned to the revision its snapshot records.</summary>
    public static ServerDefinition Everything(string name = "everything")
    {
        var (command, arguments) = ReferenceServers.Everything();
        return ServerDefinition.Stdio(name, command, arguments) with { ProtocolVersion = "2025-11-25" };
    }

    /// <summary>The sample server on stdio (protocol revision 2026-07-28) with <paramref name="tools"/> enabled.</summary>
    public static ServerDefinition Sample(string name, params string[] tools) => TestServers.Stdio(name, ["--tools", .. tools]);

    public static FleetRuntime Runtime(Action<ClientFeatureOptions> configure, ILoggerFactory? logs, params ServerDefinition[] servers)
    {
        var options = TestServers.FastOptions(servers);
        configure(options.ClientFeatures);
        return new FleetRuntime(options, loggerFactory: logs ?? NullLoggerFactory.Instance);
    }

    public static Task<RawToolResult> CallAsync(FleetRuntime runtime, string server, string tool, string arguments = "{}") =>
        runtime.CallToolAsync<JsonToolArguments, RawToolResult>(new ToolDescriptor(server, tool, ToolHints.None), JsonToolArguments.Parse(arguments));

    public static async Task<IReadOnlyList<string>> ToolNamesAsync(FleetRuntime runtime, string server) =>
        [.. (await runtime.ListToolsAsync(server)).Select(tool => tool.Name)];
}
