using System.Net;
using System.Net.Sockets;
using McpFleet.Configuration;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Unified tools: the runtime's group entry point, against real sample servers.</summary>
public sealed class ToolGroupTests
{
    private static ServerDefinition Offline(string name)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ServerDefinition.Remote(name, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/mcp"), TransportKind.StreamableHttp);
    }

    private static FleetRuntime Runtime(params ServerDefinition[] servers)
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        return new FleetRuntime(options, new FleetManifest([.. servers.Select(s => SampleTools.Server(s.Name))]));
    }

    private static ToolGroupDescriptor EchoGroup(ToolGroupResolution resolution, params ToolGroupMember[] members) => new("echo", members, resolution);

    private static ToolGroupMember Member(string server, params string[]? accepted) => new(SampleTools.Echo(server), accepted);

    [Fact]
    public async Task A_merged_group_sends_a_member_only_the_arguments_it_accepts()
    {
        await using var runtime = Runtime(TestServers.Stdio("repeater", "--variant", "echo-optional-param"));
        var all = EchoGroup(ToolGroupResolution.Merge, Member("repeater", "message", "repeat"));
        var messageOnly = EchoGroup(ToolGroupResolution.Merge, Member("repeater", "message"));

        var repeated = await runtime.CallToolAsync<RepeatedEchoArguments, TextToolResult>(all, new("hi", 3));
        var filtered = await runtime.CallToolAsync<RepeatedEchoArguments, TextToolResult>(messageOnly, new("hi", 3));

        Assert.Equal("hi hi hi", repeated.Text);
        Assert.Equal("hi", filtered.Text);
    }

    [Fact]
    public async Task A_member_that_cannot_be_reached_is_passed_over_for_the_next()
    {
        await using var runtime = Runtime(Offline("down"), TestServers.Stdio("up"));

        var echo = await runtime.CallToolAsync<EchoArguments, TextToolResult>(EchoGroup(ToolGroupResolution.Replicas, Member("down", null), Member("up", null)), new("routed"));

        Assert.Equal("routed", echo.Text);
    }

    [Fact]
    public async Task Members_that_are_not_configured_are_skipped()
    {
        await using var runtime = Runtime(TestServers.Stdio("present"));

        var echo = await runtime.CallToolAsync<EchoArguments, TextToolResult>(EchoGroup(ToolGroupResolution.Prefer, Member("absent", null), Member("present", null)), new("here"));

        Assert.Equal("here", echo.Text);
    }

    [Fact]
    public async Task A_tool_error_is_not_sent_to_another_member()
    {
        // The first member's echo needs a prefix it is not given: it answers with an error, which is the tool's answer.
        await using var runtime = Runtime(TestServers.Stdio("strict", "--variant", "echo-required-param"), TestServers.Stdio("lenient"));

        var error = await Assert.ThrowsAnyAsync<ToolException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(EchoGroup(ToolGroupResolution.Replicas, Member("strict", null), Member("lenient", null)), new("hi")));

        Assert.Equal("strict", error.ServerName);
    }

    [Fact]
    public async Task When_no_member_is_reachable_every_cause_is_reported()
    {
        await using var runtime = Runtime(Offline("down-1"), Offline("down-2"));

        var error = await Assert.ThrowsAsync<ToolNotSentException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(EchoGroup(ToolGroupResolution.Replicas, Member("down-1", null), Member("down-2", null), Member("absent", null)), new("hi")));

        Assert.Equal((NotSentReason.Unreachable, "echo", CallDelivery.NotSent), (error.Reason, error.GroupName, error.Delivery));
        Assert.Equal(["down-1", "down-2"], error.Attempts.Select(a => a.Replica).Order(StringComparer.Ordinal));
        Assert.All(error.Attempts, attempt => Assert.Equal(CallDelivery.NotSent, attempt.Delivery));
        Assert.StartsWith("Unified tool 'echo' was not sent: 'down-", error.Message, StringComparison.Ordinal);
        Assert.Contains("Server 'down-1' (streamablehttp http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }
}
