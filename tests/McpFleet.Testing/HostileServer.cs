using System.Text.RegularExpressions;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Testing;

/// <summary>
/// <c>tests/hostile/hostile-server.cjs</c>: an MCP server on raw JSON-RPC (Node.js, no dependencies) that misbehaves on
/// request: huge or endless answers, notification floods, silent tool changes, echoed credentials, odd probe answers,
/// silence or garbage. Its header lists the options and tools.
/// </summary>
public static partial class HostileServer
{
    /// <summary>The script.</summary>
    public static string Script { get; } = Path.Join(RepositoryPaths.Root, "tests", "hostile", "hostile-server.cjs");

    /// <summary>The command that starts it on stdio with <paramref name="args"/>.</summary>
    public static (string Command, string[] Arguments) Stdio(params string[] args) => ("node", [Script, .. args]);

    /// <summary>Starts it on <paramref name="transport"/> (<c>http</c>, <c>sse</c> or <c>ws</c>) on 127.0.0.1 and a free
    /// port; returns the process, which ends on disposal, and the endpoint to connect to.</summary>
    public static async Task<(ListeningProcess Process, Uri Endpoint)> StartAsync(
        string transport, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var process = await ListeningProcess.StartAsync($"hostile server ({transport})", "node", [Script, "--transport", transport, .. args], ListeningLine(), environment);
        var port = process.ReadyMatch.Groups["port"].Value;
        return (process, new Uri(transport switch
        {
            "http" => $"http://127.0.0.1:{port}/mcp",
            "sse" => $"http://127.0.0.1:{port}/sse",
            _ => $"ws://127.0.0.1:{port}/ws",
        }));
    }

    [GeneratedRegex(@"^MCPFLEET_LISTENING (?<port>\d+)$")]
    private static partial Regex ListeningLine();
}
