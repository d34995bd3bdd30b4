using McpFleet.Batching;
using McpFleet.Tests.Calls;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Server;

namespace McpFleet.Tests.Batching;

/// <summary>Each call of a batch keeps its own outcome: a failing tool or an unknown server fails only its own call.</summary>
public sealed class OneOutcomePerCallTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_failing_tool_and_an_unknown_server_fail_only_their_own_calls()
    {
        await using var echo = InProcessServer.Echo();
        await using var failing = new InProcessServer(McpServerTool.Create(
            string (string message) => throw new InvalidOperationException($"cannot echo {message}"),
            new McpServerToolCreateOptions { Name = "echo", ReadOnly = true }));
        await using var runtime = BatchFleet.Create(_time, ("echo", echo), ("failing", failing));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 4, MaxDelay = Timeout.InfiniteTimeSpan });

        var before = batch.EchoAsync("echo", "before");
        var failed = batch.EchoAsync("failing", "this");
        var unknown = batch.EchoAsync("nowhere", "lost");
        var after = batch.EchoAsync("echo", "after");

        Assert.Equal(0, batch.Pending);
        Assert.Equal(("before", "after"), ((await before.Outcome()).Text, (await after.Outcome()).Text));
        var error = await Assert.ThrowsAsync<ToolErrorException>(() => failed.Outcome());
        Assert.Equal("failing", error.Replica);
        var notSent = await Assert.ThrowsAsync<ToolNotSentException>(() => unknown.Outcome());
        Assert.Equal(NotSentReason.NoReplica, notSent.Reason);
        Assert.Contains("'nowhere' is not configured", notSent.Message, StringComparison.Ordinal);
        Assert.Equal(2, echo.Calls);
    }

    [Fact]
    public async Task A_batch_of_a_unified_tool_is_routed_like_a_direct_call()
    {
        await using var alpha = InProcessServer.Echo();
        await using var beta = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("alpha", alpha), ("beta", beta));
        var group = new ToolGroupDescriptor("echo", [new ToolGroupMember(BatchFleet.Echo("alpha")), new ToolGroupMember(BatchFleet.Echo("beta"))], ToolGroupResolution.Replicas);
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 4, MaxDelay = Timeout.InfiniteTimeSpan });

        var calls = Enumerable.Range(0, 4).Select(i => batch.CallToolAsync<EchoArguments, TextToolResult>(group, new EchoArguments($"m{i}"))).ToList();

        var results = await Task.WhenAll(calls.Select(call => call.Outcome()));
        Assert.Equal(["m0", "m1", "m2", "m3"], results.Select(result => result.Text));
        Assert.Equal(4, alpha.Calls + beta.Calls);
    }
}
