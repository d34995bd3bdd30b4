using System.Diagnostics;
using McpFleet.SampleServer.Launching;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public sealed class FaultInjectionTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Fail_rate_one_fails_every_call_with_an_injected_error(ServerTransportKind transport)
    {
        var journal = _temp.Combine("journal.jsonl");
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "epsilon", ["--fail-rate", "1", "--journal", journal]);

        McpProtocolException exception = await Assert.ThrowsAsync<McpProtocolException>(async () => await EchoAsync(server, "hi"));

        Assert.Equal(McpErrorCode.InternalError, exception.ErrorCode);
        Assert.EndsWith("Injected failure on server 'epsilon': tool 'echo' was not run (--fail-rate 1).", exception.Message, StringComparison.Ordinal);
        Assert.Empty(File.ReadAllLines(journal));
    }

    [Fact]
    public async Task A_seed_makes_the_failure_sequence_reproducible()
    {
        string[] args = ["--fail-rate", "0.5", "--seed", "42"];

        var first = await FailurePatternAsync(args);
        var second = await FailurePatternAsync(args);

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public async Task Exit_after_over_stdio_runs_the_call_then_exits_with_code_3_before_answering()
    {
        var journal = _temp.Combine("journal.jsonl");
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            ServerTransportKind.Stdio, "zeta", ["--exit-after", "2", "--journal", journal]);

        await EchoAsync(server, "first");
        await Assert.ThrowsAsync<ClientTransportClosedException>(async () => await EchoAsync(server, "second"));

        StdioClientCompletionDetails details = Assert.IsType<StdioClientCompletionDetails>(await server.Client.Completion);
        Assert.Equal(3, details.ExitCode);
        Assert.Equal(["""{"server":"zeta","tool":"echo"}""", """{"server":"zeta","tool":"echo"}"""], File.ReadAllLines(journal));
    }

    [Theory]
    [InlineData(ServerTransportKind.Http)]
    [InlineData(ServerTransportKind.Sse)]
    [InlineData(ServerTransportKind.WebSocket)]
    public async Task Exit_after_over_a_network_transport_runs_the_call_then_exits_with_code_3_before_answering(ServerTransportKind transport)
    {
        var journal = _temp.Combine("journal.jsonl");
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "zeta", ["--exit-after", "2", "--journal", journal]);

        await EchoAsync(server, "first");
        Exception exception = await Assert.ThrowsAnyAsync<Exception>(async () => await EchoAsync(server, "second"));

        // The connection broke (Streamable HTTP: McpException; SSE and WebSocket: ClientTransportClosedException); no JSON-RPC
        // answer came.
        Assert.False(exception is McpProtocolException, exception.ToString());
        Assert.Equal(3, await server.Process!.WaitForExitAsync(server.CancellationToken));
        Assert.Equal(["""{"server":"zeta","tool":"echo"}""", """{"server":"zeta","tool":"echo"}"""], File.ReadAllLines(journal));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Latency_delays_each_call(ServerTransportKind transport)
    {
        var latency = TimeSpan.FromMilliseconds(300);
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "eta", ["--latency-ms", "300"]);

        var stopwatch = Stopwatch.StartNew();
        await EchoAsync(server, "slow");

        Assert.True(stopwatch.Elapsed >= latency, $"The call took {stopwatch.Elapsed}, less than the {latency} latency.");
    }

    [Fact]
    public async Task A_call_cancelled_during_its_latency_is_journaled_as_cancelled_and_never_runs()
    {
        var journal = _temp.Combine("journal.jsonl");
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "iota", ["--latency-ms", "600000", "--journal", journal]);
        using CancellationTokenSource giveUp = CancellationTokenSource.CreateLinkedTokenSource(server.CancellationToken);

        var call = server.Client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "never" }, cancellationToken: giveUp.Token).AsTask();
        // A stdio server reads requests in order: once the tool list is answered, the call is in its latency.
        await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The client's notifications/cancelled reaches the server, which journals the call as cancelled instead of running it.
        while (ToolCallJournalFile.Read(journal).Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), server.CancellationToken);
        }

        Assert.Equal([new ToolCallJournalEntry("iota", "echo", Cancelled: true)], ToolCallJournalFile.Read(journal));
        Assert.Equal(["""{"server":"iota","tool":"echo","cancelled":true}"""], File.ReadAllLines(journal));
    }

    private static async Task<bool[]> FailurePatternAsync(string[] args)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "theta", args);
        List<bool> failed = [];
        for (var call = 0; call < 20; call++)
        {
            try
            {
                await EchoAsync(server, "x");
                failed.Add(false);
            }
            catch (McpProtocolException)
            {
                failed.Add(true);
            }
        }

        return [.. failed];
    }

    private static async Task<CallToolResult> EchoAsync(ConnectedServer server, string message) =>
        await server.Client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = message }, cancellationToken: server.CancellationToken);
}
