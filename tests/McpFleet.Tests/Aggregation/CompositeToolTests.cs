using System.Diagnostics;
using McpFleet.Aggregation;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>Composite tools: several servers' tools called in parallel, their typed results combined.</summary>
[Collection(AggregationServers.Collection)]
public sealed class CompositeToolTests
{
    [Fact]
    public async Task A_composite_tool_calls_its_parts_in_parallel_and_combines_their_typed_results()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(
            TestServers.Stdio("words", "--latency-ms", "1500"), TestServers.Stdio("numbers", "--latency-ms", "1500"), TestServers.Stdio("more-numbers")));
        await runtime.ConnectAsync();
        var explained = Composite.For<string>("explained-sum")
            .Call((expression, ct) => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("words"), new(expression), ct))
            .Call((expression, ct) => runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("numbers"), new(expression), ct))
            .Call((expression, ct) => runtime.FanOutAsync(
                FanOutTargets.Servers(SampleTools.MathCalc("any"), "more-numbers"), new MathCalcArguments(expression), AggregationStrategies.First<MathCalcResult>(), cancellationToken: ct))
            .Combine((expression, echo, calculation, checkedBy) => $"{echo.Text} = {calculation.Result} (checked by {string.Join(", ", checkedBy.Contributors)}: {checkedBy.Value.Result})");

        var answer = explained.InvokeAsync("1 + 2");
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses().Where(s => s.Name != "more-numbers").All(s => s.OutstandingRequests == 1) || answer.IsCompleted, "both slow parts are in flight");

        Assert.False(answer.IsCompleted, "The slow parts were never in flight at the same time.");
        Assert.Equal("1 + 2 = 3 (checked by more-numbers: 3)", await answer);
    }

    [Fact]
    public async Task A_failing_part_cancels_the_others_and_its_exception_is_thrown()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio("broken", "--fail-rate", "1"), TestServers.Stdio("stalled", "--latency-ms", "120000")));
        await runtime.ConnectAsync();
        var composite = Composite.For<string>("doomed")
            .Call((message, ct) => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("stalled"), new(message), ct))
            .Call((message, ct) => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("broken"), new(message), ct))
            .Combine((message, first, second) => first.Text + second.Text);

        var error = await Assert.ThrowsAsync<ToolCallException>(() => composite.InvokeAsync("hi"));

        Assert.Equal("broken", error.ServerName);
        Assert.Equal(0, runtime.GetServerStatuses().Single(s => s.Name == "stalled").OutstandingRequests);
    }

    [Fact]
    public async Task A_composite_tool_has_a_span_that_parents_its_calls()
    {
        var server = $"composite-{Guid.NewGuid():N}";
        using var spans = new CallSpans();
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio(server)));
        var composite = Composite.For<int>("traced")
            .Call((n, ct) => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(server), new($"{n}"), ct))
            .Call((n, ct) => runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc(server), new($"{n} * 2"), ct))
            .Combine((n, echo, doubled) => $"{echo.Text}:{doubled.Result}");

        Assert.Equal("21:42", await composite.InvokeAsync(21));

        var calls = spans.Stopped.Where(s => s.GetTagItem("mcpfleet.server.name") as string == server).ToList();
        Assert.Equal(2, calls.Count);
        var parent = Assert.Single(spans.Stopped, s => s.DisplayName == "composite traced" && s.SpanId == calls[0].ParentSpanId);
        Assert.All(calls, call => Assert.Equal(parent.SpanId, call.ParentSpanId));
        Assert.Equal(ActivityKind.Internal, parent.Kind);
    }
}
