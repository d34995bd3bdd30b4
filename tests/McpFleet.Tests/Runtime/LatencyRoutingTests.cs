using McpFleet.Routing;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Latency-aware routing measured on real servers: the replica that answers slowly gets little traffic.</summary>
public sealed class LatencyRoutingTests
{
    [Fact]
    public async Task Latency_aware_routing_sends_most_calls_to_the_fast_replica()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        string fast = $"{service}-fast", slow = $"{service}-slow";
        var options = TestServers.FastOptions(
            TestServers.Stdio(fast) with { ReplicaOf = service },
            TestServers.Stdio(slow, "--latency-ms", "150") with { ReplicaOf = service });
        options.Routing.DefaultStrategy = RoutingStrategies.LatencyAware(new Random(11));
        await using var runtime = TestServers.Runtime(options, service);
        await runtime.ConnectAsync();

        // The fast replica, named alone, is called alone first: its first call pays the server's JIT, which under load can
        // take seconds, and would make it look slow until that sample fades. The slow one stays unmeasured.
        for (var i = 0; i < 10; i++)
        {
            await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(fast), new("warm-up"));
        }

        using var decisions = new MetricRecorder("mcpfleet.routing.decisions", "mcpfleet.server.name");

        // Sequential calls: each decision sees the latencies of all earlier calls.
        for (var i = 0; i < 60; i++)
        {
            await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hi"));
        }

        Assert.Equal(60, decisions[fast] + decisions[slow]);
        Assert.True(decisions[fast] >= 50, $"the fast replica took {decisions[fast]} of 60 calls, the slow one {decisions[slow]}.");
        Assert.True(decisions[slow] >= 1, "the slow replica was measured at least once.");
    }
}
