using McpFleet.Resilience;
using McpFleet.Routing;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Resilience;

/// <summary>Hedging a read-only call: a slow replica's request is overtaken by another replica's and cancelled on its server.</summary>
public sealed class HedgingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-hedging-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_slow_replica_is_hedged_and_its_request_is_cancelled()
    {
        var service = $"hedge-{Guid.NewGuid():N}";
        var slow = $"{service}-slow";
        string fastJournal = Path.Join(_directory, "fast.jsonl"), slowJournal = Path.Join(_directory, "slow.jsonl");
        var options = TestServers.FastOptions(
            TestServers.Stdio(service, "--journal", fastJournal),
            TestServers.Stdio(slow, "--latency-ms", TestServers.NeverMs, "--journal", slowJournal) with { ReplicaOf = service, Priority = 1 });
        options.Routing.DefaultStrategy = RoutingStrategies.Priority();
        options.Resilience.Hedging.Delay = TimeSpan.FromMilliseconds(200);
        using var errors = new MetricRecorder("mcpfleet.tool.errors", "error.type", serverPrefix: service);
        await using var runtime = TestServers.Runtime(options, service);
        await runtime.ConnectAsync();
        var resent = new List<CallResentEventArgs>();
        runtime.CallResent += (_, e) => resent.Add(e);

        var answer = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hedged"));

        Assert.Equal("hedged", answer.Text);
        var hedge = Assert.Single(resent);
        Assert.Equal((ResendKind.Hedge, slow), (hedge.Kind, hedge.ServerName));
        Assert.Equal(1, TestServers.JournalLines(fastJournal));
        await TestServers.EventuallyAsync(() => errors["cancelled"] == 1, "the slow attempt is cancelled");

        // The slow replica journals the call as cancelled once the cancellation reaches it; it never runs it.
        await TestServers.EventuallyAsync(() => ToolCallJournalFile.Cancellations(slowJournal).Count == 1, "the slow replica hears of the cancellation");
        Assert.Equal(0, TestServers.JournalLines(slowJournal));
    }

    [Fact]
    public async Task A_destructive_tool_is_never_hedged()
    {
        var service = $"no-hedge-{Guid.NewGuid():N}";
        var slow = $"{service}-slow";
        string fastJournal = Path.Join(_directory, "fast.jsonl"), slowJournal = Path.Join(_directory, "slow.jsonl");
        var options = TestServers.FastOptions(
            TestServers.Stdio(service, "--variant", "echo-destructive", "--journal", fastJournal),
            TestServers.Stdio(slow, "--variant", "echo-destructive", "--latency-ms", "600", "--journal", slowJournal) with { ReplicaOf = service, Priority = 1 });
        options.Routing.DefaultStrategy = RoutingStrategies.Priority();
        options.Resilience.Hedging.Delay = TimeSpan.FromMilliseconds(100);
        await using var runtime = TestServers.Runtime(options, service);
        var resent = 0;
        runtime.CallResent += (_, _) => resent++;

        var answer = await runtime.CallToolAsync<EchoArguments, TextToolResult>(
            new ToolDescriptor(service, "echo", new ToolHints(ReadOnly: false, Destructive: true)), new("once"));

        Assert.Equal("once", answer.Text);
        Assert.Equal((0, 1, 0), (TestServers.JournalLines(fastJournal), TestServers.JournalLines(slowJournal), resent));
    }
}
