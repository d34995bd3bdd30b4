using McpFleet.Resilience;
using McpFleet.Routing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Resilience;

/// <summary>
/// A call that may have run is re-sent only when the tool is safe to repeat. The sample server's <c>--exit-after</c>
/// runs a call and exits before answering, so the caller cannot know whether it ran.
/// </summary>
public sealed class OutcomeUnknownTests : IDisposable
{
    private static readonly ToolHints s_destructive = new(ReadOnly: false, Destructive: true, Idempotent: false);
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-unknown-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_destructive_call_that_may_have_run_is_never_repeated_and_reported_as_outcome_unknown()
    {
        var service = $"unsafe-{Guid.NewGuid():N}";
        var replica = $"{service}-b";
        string journalA = Path.Join(_directory, "a.jsonl"), journalB = Path.Join(_directory, "b.jsonl");
        var options = TestServers.FastOptions(
            TestServers.Stdio(service, "--variant", "echo-destructive", "--exit-after", "2", "--journal", journalA),
            TestServers.Stdio(replica, "--variant", "echo-destructive", "--exit-after", "3", "--journal", journalB) with { ReplicaOf = service });
        await using var runtime = TestServers.Runtime(options, service);
        var tool = new ToolDescriptor(service, "echo", s_destructive);
        var resentAfterDelivery = 0;
        runtime.CallResent += (_, e) => resentAfterDelivery += e.MayHaveRun ? 1 : 0;
        int succeeded = 0, unknown = 0;

        for (var i = 0; i < 12; i++)
        {
            try
            {
                await runtime.CallToolAsync<EchoArguments, TextToolResult>(tool, new($"call {i}"));
                succeeded++;
            }
            catch (ToolOutcomeUnknownException e)
            {
                Assert.Equal((CallDelivery.OutcomeUnknown, OutcomeUnknownReason.SessionLost), (e.Delivery, e.Reason));
                Assert.Contains(e.Replica, new[] { service, replica });
                Assert.Contains($"ran on server '{e.Replica}'", e.Message, StringComparison.Ordinal);
                Assert.Contains("is unknown, so the call was not sent again", e.Message, StringComparison.Ordinal);
                unknown++;
            }
        }

        Assert.True(unknown >= 3, $"{unknown} calls had an unknown outcome.");
        Assert.Equal(succeeded + unknown, TestServers.JournalLines(journalA) + TestServers.JournalLines(journalB));
        Assert.Equal(0, resentAfterDelivery);
    }

    [Fact]
    public async Task A_tool_marked_never_resend_is_not_repeated_even_when_read_only()
    {
        var service = $"never-{Guid.NewGuid():N}";
        var journal = Path.Join(_directory, "never.jsonl");
        var options = TestServers.FastOptions(TestServers.Stdio(service, "--exit-after", "1", "--journal", journal));
        options.Resilience.Tools[$"{service}/echo"] = new ToolResilienceOptions { Resend = ResendPolicy.Never };
        await using var runtime = TestServers.Runtime(options, service);

        var error = await Assert.ThrowsAsync<ToolOutcomeUnknownException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("once")));

        Assert.Equal((service, "echo"), (error.ServerName, error.ToolName));
        Assert.Equal(1, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task A_destructive_tool_marked_always_resend_fails_over_to_another_replica()
    {
        var service = $"always-{Guid.NewGuid():N}";
        var replica = $"{service}-b";
        string journalA = Path.Join(_directory, "a.jsonl"), journalB = Path.Join(_directory, "b.jsonl");
        var options = TestServers.FastOptions(
            TestServers.Stdio(service, "--variant", "echo-destructive", "--exit-after", "1", "--journal", journalA) with { Priority = 1 },
            TestServers.Stdio(replica, "--variant", "echo-destructive", "--journal", journalB) with { ReplicaOf = service });
        options.Routing.DefaultStrategy = RoutingStrategies.Priority();
        options.Resilience.Tools[$"{service}/echo"] = new ToolResilienceOptions { Resend = ResendPolicy.Always };
        await using var runtime = TestServers.Runtime(options, service);
        var resent = new List<CallResentEventArgs>();
        runtime.CallResent += (_, e) => resent.Add(e);

        var result = await runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor(service, "echo", s_destructive), new("twice"));

        Assert.Equal("twice", result.Text);
        Assert.Equal((1, 1), (TestServers.JournalLines(journalA), TestServers.JournalLines(journalB)));
        var failover = Assert.Single(resent);
        Assert.Equal((ResendKind.Failover, service), (failover.Kind, failover.ServerName));
    }
}
