using System.Diagnostics;
using McpFleet.Aggregation;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>A fan-out is one span with a child span per call, and it is counted and timed.</summary>
[Collection(AggregationServers.Collection)]
public sealed class FanOutTelemetryTests
{
    [Fact]
    public async Task A_fan_out_has_a_span_that_parents_its_calls_and_is_counted()
    {
        var prefix = $"fot-{Guid.NewGuid():N}";
        using var spans = new CallSpans();
        using var fanOuts = new MetricRecorder("mcpfleet.fanout.calls", "mcpfleet.outcome");
        using var duration = new MetricRecorder("mcpfleet.fanout.duration", "mcpfleet.aggregation.strategy");
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio($"{prefix}-a"), TestServers.Stdio($"{prefix}-b", "--fail-rate", "1")));

        await Assert.ThrowsAsync<FanOutException>(() => runtime.FanOutAsync(
            FanOutTargets.Servers(SampleTools.Echo("any"), $"{prefix}-a", $"{prefix}-b"), new EchoArguments("secret-argument"), AggregationStrategies.Majority<TextToolResult>()));

        var calls = spans.Stopped.Where(s => (s.GetTagItem("mcpfleet.server.name") as string)?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, calls.Count);
        var fanOut = Assert.Single(spans.Stopped, s => s.DisplayName == "fanout echo" && s.SpanId == calls[0].ParentSpanId);
        Assert.All(calls, call => Assert.Equal(fanOut.SpanId, call.ParentSpanId));
        Assert.Equal("majority", fanOut.GetTagItem("mcpfleet.aggregation.strategy"));
        Assert.Equal(2, fanOut.GetTagItem("mcpfleet.fanout.targets"));
        Assert.Equal(1, fanOut.GetTagItem("mcpfleet.fanout.succeeded"));
        Assert.Equal("no_agreement", fanOut.GetTagItem("mcpfleet.fanout.outcome"));
        Assert.Equal(ActivityStatusCode.Error, fanOut.Status);
        Assert.DoesNotContain(fanOut.Tags, tag => tag.Value?.Contains("secret-argument", StringComparison.Ordinal) == true);
        Assert.True(fanOuts["no_agreement"] >= 1);
        Assert.True(duration["majority"] > 0);
    }
}
