using McpFleet.Connections;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Security;

/// <summary>A silent server, or one that writes garbage, fails within the deadline: the handshake's, or the call's.</summary>
public sealed class BrokenServerTests
{
    [Theory]
    [InlineData("--silent")]
    [InlineData("--garbage")]
    public async Task A_handshake_that_gets_no_usable_answer_fails_within_the_connect_timeout(string behaviour)
    {
        var options = TestServers.FastOptions(Hostile.Stdio("broken", behaviour));
        options.Connection.ConnectTimeout = TimeSpan.FromSeconds(2);
        await using var runtime = new FleetRuntime(options);

        var error = await Assert.ThrowsAsync<ServerConnectionException>(() => runtime.ConnectAsync());

        Assert.Equal(ConnectionFailureKind.Timeout, error.Kind);
        Assert.Contains("no answer to the MCP handshake within 2 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hang")]
    [InlineData("garbage")]
    public async Task A_call_that_gets_no_usable_answer_fails_within_the_call_timeout(string tool)
    {
        var options = TestServers.FastOptions(Hostile.Stdio("broken") with { CallTimeout = TimeSpan.FromSeconds(2) });
        await using var runtime = new FleetRuntime(options);

        // Whatever the call path makes of a timed-out call that may have run, it says so.
        var error = await Assert.ThrowsAnyAsync<ToolException>(() => Hostile.CallAsync(runtime, "broken", tool));

        Assert.Equal(tool, error.ToolName);
        Assert.Contains($"Tool '{tool}' on server 'broken' did not answer within 2 s.", error.Message, StringComparison.Ordinal);
        Assert.Equal("echoed", (await Hostile.CallAsync(runtime, "broken", "echo", """{ "message": "echoed" }""")).Text);
    }
}
