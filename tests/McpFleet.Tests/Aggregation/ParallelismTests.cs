using System.Diagnostics;
using McpFleet.Aggregation;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>A fan-out calls its targets in parallel, never one after another.</summary>
[Collection(AggregationServers.Collection)]
public sealed class ParallelismTests
{
    [Fact]
    public async Task Eight_servers_of_200_ms_answer_together_not_one_after_another()
    {
        var names = Enumerable.Range(1, 8).Select(i => $"par-{i}").ToArray();
        await using var runtime = TestServers.Runtime(AggregationServers.Options([.. names.Select(name => TestServers.Stdio(name, "--latency-ms", "200"))]));
        await runtime.ConnectAsync();
        var targets = FanOutTargets.Servers(SampleTools.Echo("any"), names);
        await runtime.FanOutAsync(targets, new EchoArguments("warm-up"), AggregationStrategies.All<TextToolResult>());

        var stopwatch = Stopwatch.StartNew();
        var result = await runtime.FanOutAsync(targets, new EchoArguments("together"), AggregationStrategies.All<TextToolResult>());
        stopwatch.Stop();

        Assert.Equal(8, result.Value.Count);
        // One after another takes at least 8 × 200 ms; a generous bound, not a timing goal (see the benchmark).
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(1200), $"The fan-out took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task Every_target_is_in_flight_at_once()
    {
        var names = Enumerable.Range(1, 4).Select(i => $"overlap-{i}").ToArray();
        await using var runtime = TestServers.Runtime(AggregationServers.Options([.. names.Select(name => TestServers.Stdio(name, "--latency-ms", "1500"))]));
        await runtime.ConnectAsync();

        var fanOut = runtime.FanOutAsync(FanOutTargets.Servers(SampleTools.Echo("any"), names), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>());
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses().All(s => s.OutstandingRequests == 1) || fanOut.IsCompleted, "every call is in flight");

        Assert.False(fanOut.IsCompleted, "Every call was never in flight at the same time.");
        Assert.Equal(4, (await fanOut).Value.Count);
    }
}
