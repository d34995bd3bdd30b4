using System.Collections.Concurrent;
using System.Diagnostics;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Calls show up as metrics of the McpFleet meter and spans of the McpFleet activity source.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_routed_call_is_counted_timed_and_traced_with_server_tool_and_strategy()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        using var spans = new CallSpans();
        using var calls = new MetricRecorder("mcpfleet.tool.calls", "mcpfleet.outcome", serverPrefix: service);
        using var errors = new MetricRecorder("mcpfleet.tool.errors", "error.type", serverPrefix: service);
        using var duration = new MetricRecorder("mcpfleet.tool.duration", "gen_ai.tool.name", serverPrefix: service);
        using var decisions = new MetricRecorder("mcpfleet.routing.decisions", "mcpfleet.routing.strategy", serverPrefix: service);
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(TestServers.Stdio(service), TestServers.Stdio($"{service}-2") with { ReplicaOf = service }), service);

        await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("traced-argument"));
        await Assert.ThrowsAsync<ToolErrorException>(() => runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc(service), new("1/0")));

        var span = spans.Stopped.First(s => s.GetTagItem("gen_ai.tool.name") as string == "echo" && (s.GetTagItem("mcpfleet.server.name") as string)!.StartsWith(service, StringComparison.Ordinal));
        Assert.Equal("tools/call echo", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("round-robin", span.GetTagItem("mcpfleet.routing.strategy"));
        Assert.DoesNotContain(span.Tags, tag => tag.Value?.Contains("traced-argument", StringComparison.Ordinal) == true);
        var failed = spans.Stopped.First(s => s.GetTagItem("gen_ai.tool.name") as string == "math_calc" && (s.GetTagItem("mcpfleet.server.name") as string)!.StartsWith(service, StringComparison.Ordinal));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.True(calls["success"] >= 1);
        Assert.True(calls["error"] >= 1);
        Assert.True(errors["tool_error"] >= 1);
        Assert.True(duration["echo"] > 0);
        Assert.True(decisions["round-robin"] >= 2);
    }
}
