using McpFleet.Aggregation;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>Which servers a fan-out calls: a group's instances, a server's replicas, a list of names, a tag.</summary>
[Collection(AggregationServers.Collection)]
public sealed class FanOutTargetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-targets-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_group_calls_every_instance_of_every_member_once()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(
            Journaled("west"),
            Journaled("east"),
            Journaled("east-2") with { ReplicaOf = "east" }));
        var group = new ToolGroupDescriptor("echo", [new(SampleTools.Echo("east")), new(SampleTools.Echo("west"))], ToolGroupResolution.Replicas);

        var result = await runtime.FanOutAsync(FanOutTargets.Group(group), new EchoArguments("everyone"), AggregationStrategies.All<TextToolResult>());

        Assert.Equal(["east", "east-2", "west"], result.Outcomes.Select(o => o.Server));
        Assert.Equal(["everyone", "everyone", "everyone"], result.Value.Select(r => r.Text));
        Assert.Equal(["east", "east-2", "west"], ServersThatRan());
    }

    [Fact]
    public async Task A_merged_group_sends_each_member_only_the_arguments_it_accepts()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(
            TestServers.Stdio("repeating", "--variant", "echo-optional-param"), TestServers.Stdio("filtered", "--variant", "echo-optional-param")));
        var group = new ToolGroupDescriptor(
            "echo", [new(SampleTools.Echo("repeating"), ["message", "repeat"]), new(SampleTools.Echo("filtered"), ["message"])], ToolGroupResolution.Merge);

        var result = await runtime.FanOutAsync(FanOutTargets.Group(group), new RepeatedEchoArguments("hi", 3), AggregationStrategies.All<TextToolResult>());

        Assert.Equal(["hi hi hi", "hi"], result.Value.Select(r => r.Text));
    }

    [Fact]
    public async Task Instances_calls_a_server_and_each_of_its_replicas_instead_of_routing()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(
            Journaled("svc"),
            Journaled("svc-2") with { ReplicaOf = "svc" },
            Journaled("svc-3") with { ReplicaOf = "svc" },
            Journaled("other")));

        var result = await runtime.FanOutAsync(FanOutTargets.Instances(SampleTools.Echo("svc")), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>());

        Assert.Equal(["svc", "svc-2", "svc-3"], result.Contributors);
        Assert.Equal(["svc", "svc-2", "svc-3"], ServersThatRan());
    }

    [Fact]
    public async Task Named_servers_are_called_in_the_order_given_and_an_unknown_name_is_a_failed_outcome()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio("a"), TestServers.Stdio("b")));

        var result = await runtime.FanOutAsync(
            FanOutTargets.Servers(SampleTools.Echo("any"), "b", "missing", "a"), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>());

        Assert.Equal(["b", "missing", "a"], result.Outcomes.Select(o => o.Server));
        Assert.Equal([ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Failed, ServerOutcomeStatus.Succeeded], result.Outcomes.Select(o => o.Status));
        Assert.StartsWith("Server 'missing' is not in this fleet", Assert.IsType<InvalidOperationException>(result.Outcomes[1].Exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_selects_the_servers_that_have_it()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(
            Journaled("paris") with { Tags = ["eu", "prod"] },
            Journaled("ohio") with { Tags = ["us", "prod"] },
            Journaled("dublin") with { Tags = ["eu"] }));

        var result = await runtime.FanOutAsync(FanOutTargets.Tagged(SampleTools.Echo("any"), "eu"), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>());

        Assert.Equal(["dublin", "paris"], result.Contributors);
        Assert.Equal(["dublin", "paris"], ServersThatRan());
    }

    [Fact]
    public async Task Targets_that_select_no_server_are_an_exception()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio("untagged")));

        var error = await Assert.ThrowsAsync<FanOutException>(
            () => runtime.FanOutAsync(FanOutTargets.Tagged(SampleTools.Echo("any"), "nowhere"), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>()));

        Assert.Equal(FanOutFailureKind.NoTargets, error.Kind);
        Assert.Empty(error.Outcomes);
        Assert.Equal(
            "Fan-out of tool 'echo' (all) has no result: no server in the fleet is a target (tool 'echo' on the servers tagged 'nowhere').",
            error.Message);
    }

    [Fact]
    public void A_list_of_servers_must_name_each_server_once()
    {
        Assert.Throws<ArgumentException>(() => FanOutTargets.Servers(SampleTools.Echo("any")));
        Assert.Throws<ArgumentException>(() => FanOutTargets.Servers(SampleTools.Echo("any"), "a", "b", "a"));
    }

    /// <summary>A server that journals each call it runs, in a file of its own (journals are not shared between processes).</summary>
    private ServerDefinition Journaled(string name) => TestServers.Stdio(name, "--journal", Path.Join(_directory, $"{name}.jsonl"));

    /// <summary>One name per call run, from every journal, in ordinal order.</summary>
    private List<string> ServersThatRan() =>
    [
        .. Directory.GetFiles(_directory, "*.jsonl")
            .SelectMany(ToolCallJournalFile.Executions)
            .Select(entry => entry.Server)
            .Order(StringComparer.Ordinal),
    ];
}
