using McpFleet.Registry;
using McpFleet.Testing;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Servers join and leave a running fleet: a new replica takes its share, a leaving one finishes its calls.</summary>
public sealed class MembershipTests
{
    [Fact]
    public async Task A_server_added_at_run_time_takes_its_share_of_the_calls()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        await using var runtime = TestServers.Runtime(TestServers.FastOptions(TestServers.Stdio(service)), service);
        var added = new List<string>();
        runtime.ServerAdded += (_, e) => added.Add(e.Server.Name);
        using var decisions = new MetricRecorder("mcpfleet.routing.decisions", "mcpfleet.server.name");

        await runtime.AddServerAsync(TestServers.Stdio($"{service}-2") with { ReplicaOf = service });
        for (var i = 0; i < 20; i++)
        {
            await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hi"));
        }

        Assert.Equal([$"{service}-2"], added);
        Assert.Equal(10, decisions[service]);
        Assert.Equal(10, decisions[$"{service}-2"]);
    }

    [Fact]
    public async Task A_removed_server_finishes_its_calls_in_flight_then_stops()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var leaving = $"{service}-slow";
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(TestServers.Stdio(service), TestServers.Stdio(leaving, "--latency-ms", "1500") with { ReplicaOf = service }),
            service);
        runtime.RoutingStrategy = McpFleet.Routing.RoutingStrategies.Priority();
        await runtime.ConnectAsync();
        var removed = new List<ServerEventArgs>();
        runtime.ServerRemoved += (_, e) => removed.Add(e);

        // Target the slow server directly so its call is in flight when it leaves.
        var inFlight = runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(leaving), new("finishing"));
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses().Single(s => s.Name == leaving).OutstandingRequests == 1, "the call is in flight");
        var removal = runtime.RemoveServerAsync(leaving);

        Assert.Equal("finishing", (await inFlight).Text);
        Assert.True(await removal);
        Assert.Equal(leaving, Assert.Single(removed).Server.Name);
        Assert.Equal([service], runtime.ServerNames);
        Assert.Empty(ProcessTable.FindByCommandLine($"--name {leaving} "));
        Assert.Equal("still", (await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("still"))).Text);
    }
}
