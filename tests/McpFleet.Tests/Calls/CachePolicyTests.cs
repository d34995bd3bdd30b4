using McpFleet.Snapshots;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Calls;

/// <summary>
/// Which calls the call path serves from the result cache: read-only tools only — by the stricter of the snapshot's
/// hints and the hints the server lists now — with the time-to-live of that server's tool or that unified tool.
/// </summary>
public sealed class CachePolicyTests
{
    private static readonly ToolHints s_readOnly = new(ReadOnly: true);

    [Fact]
    public async Task A_zero_time_to_live_keeps_a_read_only_tool_out_of_the_cache()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = Runtime(options => options.Caching.ToolTimeToLive["svc/echo"] = TimeSpan.Zero, (server, "svc"));

        await EchoTwiceAsync(runtime, "svc");

        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task Two_servers_tools_of_the_same_name_have_time_to_lives_of_their_own()
    {
        await using var alpha = InProcessServer.Echo();
        await using var beta = InProcessServer.Echo();
        await using var runtime = Runtime(
            options =>
            {
                options.Caching.DefaultTimeToLive = TimeSpan.Zero;
                options.Caching.ToolTimeToLive["alpha/echo"] = TimeSpan.FromMinutes(1);
            },
            (alpha, "alpha"),
            (beta, "beta"));

        await EchoTwiceAsync(runtime, "alpha");
        await EchoTwiceAsync(runtime, "beta");

        Assert.Equal((1, 2), (alpha.Calls, beta.Calls));
    }

    [Fact]
    public async Task A_unified_tool_is_cached_only_when_every_member_is_read_only()
    {
        await using var reader = InProcessServer.Echo();
        await using var writer = InProcessServer.Echo(readOnly: false);
        await using var runtime = Runtime(options => options.Drift.AnnotationEscalation = McpFleet.Drift.DriftAction.Warn, (reader, "reader"), (writer, "writer"));
        var mixed = new ToolGroupDescriptor(
            "echo", [new ToolGroupMember(new ToolDescriptor("reader", "echo", s_readOnly)), new ToolGroupMember(new ToolDescriptor("writer", "echo", ToolHints.None))], ToolGroupResolution.Prefer);

        for (var i = 0; i < 2; i++)
        {
            await runtime.CallToolAsync<EchoArguments, TextToolResult>(mixed, new("again"));
        }

        Assert.Equal(2, reader.Calls + writer.Calls);
    }

    [Fact]
    public async Task A_tool_the_server_now_lists_as_destructive_is_not_cached_though_its_snapshot_says_read_only()
    {
        await using var escalated = InProcessServer.Echo(readOnly: false);
        await using var unchanged = InProcessServer.Echo();
        await using var runtime = Runtime(options => options.Drift.AnnotationEscalation = McpFleet.Drift.DriftAction.Warn, (escalated, "escalated"), (unchanged, "unchanged"));

        await EchoTwiceAsync(runtime, "escalated");
        await EchoTwiceAsync(runtime, "unchanged");

        Assert.Equal((2, 1), (escalated.Calls, unchanged.Calls));
    }

    private static async Task EchoTwiceAsync(FleetRuntime runtime, string server)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("again", (await runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor(server, "echo", s_readOnly), new("again"))).Text);
        }
    }

    /// <summary>A runtime with caching on, whose snapshots say each server's echo is read-only.</summary>
    private static FleetRuntime Runtime(Action<FleetOptions> configure, params (InProcessServer Server, string Name)[] servers)
    {
        var options = new FleetOptions();
        options.Caching.Enabled = true;
        options.Health.Enabled = false;
        foreach (var (server, name) in servers)
        {
            options.Servers.Add(server.Definition(name));
        }

        configure(options);
        const string ReadOnlyEcho = """[{"name":"echo","inputSchema":{"type":"object","properties":{"message":{"type":"string"}},"required":["message"]},"annotations":{"readOnlyHint":true}}]""";
        return new FleetRuntime(options, new FleetManifest([.. servers.Select(s => new ServerDescriptor(s.Name, "2025-11-25", [new ToolDescriptor(s.Name, "echo", s_readOnly)], SnapshotTools.FromJson(ReadOnlyEcho)))]));
    }
}
