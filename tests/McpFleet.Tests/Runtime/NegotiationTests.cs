using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.SampleServer.Launching;
using McpFleet.Snapshots;
using McpFleet.Testing;
using McpFleet.Tests.Security;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// A healthy server is never reported as failed for how it answers the <c>server/discover</c> probe: late (a cold start
/// on a busy machine), or with something that is not a discover result. The connector retries with the revision the
/// server evidently speaks. The servers are the hostile test server, which behaves like that on request.
/// </summary>
public sealed class NegotiationTests
{
    /// <remarks>
    /// On stdio, where the reported failure is: a probe written to a server's input always reaches it, however slowly it
    /// starts, while an HTTP request cancelled by the probe timeout may never reach the server at all.
    /// </remarks>
    [Fact]
    public async Task A_server_that_answers_the_probe_after_its_timeout_is_connected_on_the_revision_it_speaks()
    {
        // Answers server/discover after 3 s, then refuses the fallback initialize as the SDK's server does once a probe has
        // set its revision: what a cold server on a busy machine does to a client that gave up on the probe after 1 s.
        var options = new ConnectionOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(1), ConnectTimeout = TimeSpan.FromSeconds(90) };
        await using var capturer = new SnapshotCapturer(options);
        var server = Hostile.Stdio("slow", "--discover", "slow:3000");

        var snapshot = await capturer.CaptureAsync(server);

        Assert.Equal("2026-07-28", snapshot.ProtocolVersion);
        Assert.Equal("slow", snapshot.Server?.Name);
        Assert.Contains(snapshot.Tools, tool => tool.GetProperty("name").GetString() == "echo");
    }

    [Theory]
    [InlineData("stdio")]
    [InlineData("http")]
    public async Task A_server_that_answers_the_probe_with_an_empty_object_is_connected_on_the_newest_initialize_revision(string transport)
    {
        await using var capturer = new SnapshotCapturer();
        var (server, process) = await StartAsync("odd", transport, "--discover", "empty");
        await using var _ = process;

        var snapshot = await capturer.CaptureAsync(server);

        Assert.Equal("2025-11-25", snapshot.ProtocolVersion);
        Assert.Equal("odd", snapshot.Server?.Name);
    }

    [Fact]
    public async Task A_server_that_refuses_initialize_for_another_reason_is_reported_at_once()
    {
        await using var capturer = new SnapshotCapturer(new ConnectionOptions { ConnectTimeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<ServerConnectionException>(
            () => capturer.CaptureAsync(ServerDefinition.Stdio("broken", "node", "-e", BrokenServer)));

        Assert.Equal(ConnectionFailureKind.ProtocolError, error.Kind);
        Assert.Contains("no such thing", error.Message, StringComparison.Ordinal);
    }

    // Answers every request, the probe and initialize alike, with an invalid-request error.
    private const string BrokenServer = """
        process.stdin.on('data', d => d.toString().split('\n').filter(l => l.trim()).forEach(l => {
          const m = JSON.parse(l);
          if (m.id !== undefined) process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: m.id, error: { code: -32600, message: 'no such thing' } }) + '\n');
        }));
        """;

    private static async Task<(ServerDefinition Server, ListeningProcess? Process)> StartAsync(string name, string transport, params string[] args)
    {
        if (transport == "stdio")
        {
            return (Hostile.Stdio(name, args), null);
        }

        var (process, endpoint) = await HostileServer.StartAsync(transport, args: ["--name", name, .. args]);
        return (ServerDefinition.Remote(name, endpoint, TransportKind.StreamableHttp), process);
    }
}
