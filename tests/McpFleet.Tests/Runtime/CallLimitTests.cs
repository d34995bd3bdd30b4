using System.Diagnostics;
using McpFleet.SampleServer.Launching;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Per-server bounds: concurrency, timeouts, and cancellation that reaches the server.</summary>
public sealed class CallLimitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-limits-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_server_gets_at_most_its_concurrency_limit_of_calls_at_once()
    {
        // Six calls of 400 ms, two at a time, cannot finish in under three rounds: a lower bound, not a timing goal.
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(TestServers.Stdio("svc", "--latency-ms", "400") with { MaxConcurrency = 2 }), "svc");
        await runtime.ConnectAsync();
        var stopwatch = Stopwatch.StartNew();

        var calls = Enumerable.Range(0, 6).Select(i => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("svc"), new($"call {i}"))).ToList();
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].OutstandingRequests == 6, "all six calls are waiting or running");
        var results = await Task.WhenAll(calls);

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(1150), $"Six calls finished in {stopwatch.Elapsed}, faster than three rounds of two.");
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"call {i}"), results.Select(r => r.Text));
    }

    [Fact]
    public async Task A_server_of_its_own_timeout_uses_it()
    {
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(TestServers.Stdio("slow", "--latency-ms", "30000") with { CallTimeout = TimeSpan.FromMilliseconds(300) }), "slow");
        await runtime.ConnectAsync();

        var error = await Assert.ThrowsAsync<ToolCallTimeoutException>(() => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("slow"), new("hi")));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_it_on_the_server()
    {
        var journal = Path.Join(_directory, "journal.jsonl");
        await using var runtime = TestServers.Runtime(TestServers.FastOptions(TestServers.Stdio("svc", "--latency-ms", TestServers.NeverMs, "--journal", journal)), "svc");
        await runtime.ConnectAsync();
        using var cancellation = new CancellationTokenSource();

        var call = runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("svc"), new("never"), cancellation.Token);
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].OutstandingRequests == 1, "the call is in flight");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        // The server hears of the cancellation while it waits out its latency, and never runs the tool.
        await TestServers.EventuallyAsync(() => ToolCallJournalFile.Cancellations(journal).Count == 1, "the server hears of the cancellation");
        Assert.Equal(0, TestServers.JournalLines(journal));
        // The session outlives the cancelled call (a tool call would wait out the latency; reading a resource does not).
        Assert.Equal(0, runtime.GetServerStatuses()[0].OutstandingRequests);
        Assert.NotEmpty((await runtime.ReadResourceAsync("svc", "server://info")).Contents);
    }
}
