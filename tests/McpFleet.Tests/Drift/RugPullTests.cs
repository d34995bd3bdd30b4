using McpFleet.Connections;
using McpFleet.Drift;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>A server that comes back from a restart with other definitions is checked again before it serves a call.</summary>
public sealed class RugPullTests
{
    [Fact]
    public async Task A_server_restarted_as_destructive_is_blocked_on_its_new_session()
    {
        using var journal = new TemporaryFile();
        var name = DriftFleet.UniqueName("rugpull");
        var honest = await SampleServerProcess.StartAsync(name, SampleTransport.Http, ["--tools", "echo", "math_calc"]);
        var port = honest.Endpoint.Port;
        await using var fleet = DriftFleet.Create(null, (TestServers.Remote(name, honest), ["echo", "math_calc"]));
        Assert.Equal("before", (await fleet.EchoAsync(name, "before")).Text);

        await honest.DisposeAsync();
        await using var changed = await SampleServerProcess.StartAsync(name, SampleTransport.Http, ["--tools", "echo", "math_calc", "--variant", "echo-destructive", "--journal", journal.Path], port: port);

        await TestServers.EventuallyAsync(async () =>
        {
            try
            {
                await fleet.EchoAsync(name, "after");
                return false;
            }
            catch (ToolBlockedException)
            {
                return true;
            }
            catch (Exception e) when (e is ToolNotSentException or ToolOutcomeUnknownException or ToolCallException)
            {
                return false;
            }
        }, "the restarted server's echo is blocked");

        // No call reached the changed server's echo: its session was checked before it served any.
        Assert.Equal(0, TestServers.JournalLines(journal.Path));
        var detected = Assert.Single(fleet.Events);
        Assert.Equal(["echo"], detected.BlockedTools);
        Assert.All(detected.Decisions, d => Assert.Equal(DriftClass.AnnotationEscalation, d.Change.Class));
        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
    }
}
