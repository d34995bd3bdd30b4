using McpFleet.Aggregation;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Aggregation;

/// <summary>
/// Partial failure is a result, not an exception: a server that fails and one that times out leave the others' values.
/// Timeouts run on the fleet's clock, which the tests advance once the quick servers have answered.
/// </summary>
[Collection(AggregationServers.Collection)]
public sealed class PartialFailureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-partial-").FullName;
    private readonly string _prefix = $"pf-{Guid.NewGuid():N}"[..11];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task One_server_failing_and_one_timing_out_leave_a_normal_result()
    {
        var (ok1, ok2, broken, slow) = ($"{_prefix}-ok-1", $"{_prefix}-ok-2", $"{_prefix}-broken", $"{_prefix}-slow");
        var time = new FakeTimeProvider();
        var options = AggregationServers.Options(
            TestServers.Stdio(ok1), TestServers.Stdio(ok2), TestServers.Stdio(broken, "--fail-rate", "1"), TestServers.Stdio(slow, "--latency-ms", "120000"));
        options.TimeProvider = time;
        await using var runtime = TestServers.Runtime(options);
        await runtime.ConnectAsync();
        using var spans = new CallSpans();

        var fanOut = runtime.FanOutAsync(
            FanOutTargets.Servers(SampleTools.Echo("any"), ok1, ok2, broken, slow),
            new EchoArguments("partial"),
            AggregationStrategies.All<TextToolResult>(),
            new FanOutOptions { TargetTimeout = TimeSpan.FromSeconds(5) });
        await TestServers.EventuallyAsync(
            () => spans.CallEnded(ok1) && spans.CallEnded(ok2) && spans.CallEnded(broken) && Outstanding(runtime, slow) == 1, "every server but the slow one answered");
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await fanOut;

        Assert.Equal(["partial", "partial"], result.Value.Select(r => r.Text));
        Assert.Equal([ok1, ok2], result.Contributors);
        Assert.Equal(
            [ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Failed, ServerOutcomeStatus.TimedOut],
            result.Outcomes.Select(o => o.Status));
        Assert.IsType<ToolCallException>(result.Outcomes[2].Exception);
        var timeout = Assert.IsType<ToolCallTimeoutException>(result.Outcomes[3].Exception);
        Assert.Equal(TimeSpan.FromSeconds(5), timeout.Timeout);
        Assert.Equal(slow, timeout.ServerName);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Outcomes[3].Latency);
        Assert.Equal(0, Outstanding(runtime, slow));
    }

    [Fact]
    public async Task Calls_not_in_by_the_deadline_are_reported_timed_out_and_cancelled_on_the_server()
    {
        var (quick, slow) = ($"{_prefix}-quick", $"{_prefix}-slow");
        var quickJournal = Path.Join(_directory, "quick.jsonl");
        var slowJournal = Path.Join(_directory, "slow.jsonl");
        var time = new FakeTimeProvider();
        var options = AggregationServers.Options(
            TestServers.Stdio(quick, "--journal", quickJournal), TestServers.Stdio(slow, "--latency-ms", TestServers.NeverMs, "--journal", slowJournal));
        options.TimeProvider = time;
        await using var runtime = TestServers.Runtime(options);
        await runtime.ConnectAsync();
        using var spans = new CallSpans();

        var fanOut = runtime.FanOutAsync(
            FanOutTargets.Servers(SampleTools.Echo("any"), slow, quick),
            new EchoArguments("deadline"),
            AggregationStrategies.All<TextToolResult>(),
            new FanOutOptions { Deadline = TimeSpan.FromSeconds(10) });
        await TestServers.EventuallyAsync(() => spans.CallEnded(quick) && Outstanding(runtime, slow) == 1, "the quick server answered");
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await fanOut;

        Assert.Equal([ServerOutcomeStatus.TimedOut, ServerOutcomeStatus.Succeeded], result.Outcomes.Select(o => o.Status));
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<ToolCallTimeoutException>(result.Outcomes[0].Exception).Timeout);
        Assert.Equal([quick], result.Contributors);

        // The slow server hears of the cancellation while it waits out its latency, and never runs the tool.
        await TestServers.EventuallyAsync(() => ToolCallJournalFile.Cancellations(slowJournal).Count == 1, "the slow server hears of the cancellation");
        Assert.Equal(0, TestServers.JournalLines(slowJournal));
        Assert.Equal(1, TestServers.JournalLines(quickJournal));
    }

    [Fact]
    public async Task Cancelling_a_fan_out_cancels_every_call_and_throws()
    {
        var slow = $"{_prefix}-slow";
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio(slow, "--latency-ms", "120000")));
        await runtime.ConnectAsync();
        using var cancellation = new CancellationTokenSource();

        var fanOut = runtime.FanOutAsync(
            FanOutTargets.Servers(SampleTools.Echo("any"), slow), new EchoArguments("never"), AggregationStrategies.All<TextToolResult>(), cancellationToken: cancellation.Token);
        await TestServers.EventuallyAsync(() => Outstanding(runtime, slow) == 1, "the call is in flight");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fanOut);
        Assert.Equal(0, Outstanding(runtime, slow));
    }

    private static int Outstanding(FleetRuntime runtime, string server) => runtime.GetServerStatuses().Single(s => s.Name == server).OutstandingRequests;
}
