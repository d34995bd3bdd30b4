using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>Each way a server can fail gets a message naming the server and the cause; the others are still captured.</summary>
public sealed partial class CaptureErrorTests
{
    [Fact]
    public async Task A_command_that_does_not_exist()
    {
        var result = await CaptureWithHealthyNeighbourAsync(json => json.Stdio("ghost", ("mcpfleet-no-such-command", ["--flag"])));

        Assert.Contains("failed  ghost: Server 'ghost' (stdio mcpfleet-no-such-command --flag): cannot start 'mcpfleet-no-such-command':", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_exits_reports_its_exit_code_and_stderr_tail()
    {
        var result = await CaptureWithHealthyNeighbourAsync(json => json.SampleStdio("broken", "--tools", "no_such_tool"));

        Assert.Contains("failed  broken: Server 'broken' (stdio ", result.Output, StringComparison.Ordinal);
        Assert.Contains("the process exited with code 2. Last lines of its standard error:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Unknown tool 'no_such_tool' in --tools", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_whose_input_breaks_before_it_exits_still_reports_its_exit_code()
    {
        // The server refuses the discovery probe, then closes its pipes and exits a little later: the SDK's fallback write
        // fails on a live process while its reader is still waiting for the exit, and alone it would report only
        // "Failed to send message".
        const string Script = """
            const fs = require('fs');
            console.error('closing my pipes');
            process.stdin.once('data', chunk => {
              const request = JSON.parse(chunk.toString().split('\n')[0]);
              fs.writeSync(1, JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code: -32601, message: 'Method not found' } }) + '\n');
              process.stdin.destroy();
              fs.closeSync(1);
              setTimeout(() => process.exit(5), 300);
            });
            """;
        var result = await CaptureWithHealthyNeighbourAsync(json => json.Stdio("closer", ("node", ["-e", Script])));

        Assert.Contains("the process exited with code 5. Last lines of its standard error:", result.Output, StringComparison.Ordinal);
        Assert.Contains("closing my pipes", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/mcp");

        var result = await CaptureWithHealthyNeighbourAsync(json => json.Remote("offline", "http", url));

        Assert.Contains($"failed  offline: Server 'offline' (http {url}): connection refused; is the server running?", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_and_is_ended()
    {
        using TemporaryDirectory pidDirectory = new();
        var pidFile = pidDirectory.Combine("mute.pid");
        const string Script = "require('fs').writeFileSync(process.argv[1], String(process.pid)); setInterval(() => {}, 1000)";

        // The timeout is the healthy neighbour's too: long enough for a dotnet server to start on a loaded machine.
        var result = await CaptureWithHealthyNeighbourAsync(json => json.Stdio("mute", ("node", ["-e", Script, pidFile])), "--timeout", "20");

        Assert.Contains($"failed  mute: Server 'mute' (stdio node -e {Script} {pidFile}): no answer to the MCP handshake within 20 s.", result.Output, StringComparison.Ordinal);
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture);
        Assert.False(IsRunning(pid), $"The server process {pid} outlived the capture.");
    }

    [Fact]
    public async Task A_rejected_token_is_an_authentication_error()
    {
        await using var server = await SampleServerProcess.StartAsync(
            "guarded", SampleTransport.Http, ["--auth-token-env", "GUARD_TOKEN"], new Dictionary<string, string> { ["GUARD_TOKEN"] = "the-right-token" });

        var result = await CaptureWithHealthyNeighbourAsync(json => json.Remote("guarded", "http", server.Endpoint, new() { ["Authorization"] = "Bearer a-wrong-token" }));

        Assert.Contains("failed  guarded: Server 'guarded' (http ", result.Output, StringComparison.Ordinal);
        Assert.Contains("authentication rejected (HTTP 401 Unauthorized); check the server's headers or token.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-token", result.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_speak_mcp_is_a_protocol_error()
    {
        // A real HTTP server on loopback that answers every request with a web page.
        await using var webPage = await ListeningProcess.StartAsync(
            "web page server",
            "node",
            ["-e", "require('http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('<html>hello</html>'); })"
                + ".listen(0, '127.0.0.1', function () { console.error('MCPFLEET_LISTENING ' + this.address().port); });"],
            ListeningLine());
        var url = new Uri($"http://127.0.0.1:{webPage.ReadyMatch.Groups["port"].Value}/mcp");

        var result = await CaptureWithHealthyNeighbourAsync(json => json.Remote("web", "streamable-http", url));

        Assert.Contains($"failed  web: Server 'web' (streamablehttp {url}): protocol error:", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Captures the failing server beside a healthy one and checks what every failure must show.</summary>
    private static async Task<CliResult> CaptureWithHealthyNeighbourAsync(Func<McpJson, McpJson> addFailingServer, params string[] extraArgs)
    {
        using TemporaryDirectory directory = new();
        var config = addFailingServer(new McpJson().SampleStdio("healthy", "--tools", "echo")).WriteTo(directory);

        var result = await CliRunner.RunAsync(["capture", "--config", config, "--out", directory.Path, .. extraArgs]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(File.Exists(directory.Combine("healthy.snapshot.json")), result.ToString());
        Assert.Single(Directory.GetFiles(directory.Path, "*.snapshot.json"));
        Assert.Contains("ok      healthy: 1 tool", result.Output, StringComparison.Ordinal);
        Assert.Contains("Captured 1 of 2 servers into", result.Output, StringComparison.Ordinal);
        return result;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int ClosedPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^MCPFLEET_LISTENING (?<port>\d+)$")]
    private static partial Regex ListeningLine();
}
