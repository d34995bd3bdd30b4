using McpFleet.Health;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>A server that restarts is used again without the caller re-creating anything.</summary>
public sealed class ReconnectionTests
{
    [Fact]
    public async Task A_killed_stdio_server_is_started_again_in_the_background()
    {
        var marker = $"reconnect-{Guid.NewGuid():N}";
        await using var runtime = TestServers.Runtime(TestServers.FastOptions(TestServers.Stdio("svc", "--title", marker)), "svc");
        await runtime.ConnectAsync();
        var first = Assert.Single(ProcessTable.FindByCommandLine(marker));

        using (var process = System.Diagnostics.Process.GetProcessById(first))
        {
            process.Kill();
        }

        await TestServers.EventuallyAsync(() => ProcessTable.FindByCommandLine(marker) is [var next] && next != first, "a new server process runs");
        var echo = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("svc"), new("back"));

        Assert.Equal("back", echo.Text);
    }

    [Fact]
    public async Task An_http_server_restarted_on_its_port_is_used_again()
    {
        var server = await SampleServerProcess.StartAsync("svc", SampleTransport.Http);
        var port = server.Endpoint.Port;
        await using var runtime = TestServers.Runtime(TestServers.FastOptions(TestServers.Remote("svc", server)), "svc");
        Assert.Equal("before", (await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("svc"), new("before"))).Text);

        await server.DisposeAsync();
        var down = await Assert.ThrowsAnyAsync<Exception>(() => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("svc"), new("down")));
        await using var restarted = await SampleServerProcess.StartAsync("svc", SampleTransport.Http, port: port);

        await TestServers.EventuallyAsync(async () =>
        {
            try
            {
                return (await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("svc"), new("after"))).Text == "after";
            }
            catch (Exception e) when (e is ToolNotSentException or ToolOutcomeUnknownException)
            {
                return false;
            }
        }, "the restarted server answers");

        Assert.True(down is ToolNotSentException or ToolOutcomeUnknownException, down.ToString());
        var status = Assert.Single(runtime.GetServerStatuses());
        Assert.True(status.IsConnected);
        Assert.Equal(ServerHealth.Healthy, status.Health);
    }
}
