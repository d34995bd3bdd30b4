using McpFleet.Batching;
using McpFleet.Tests.Calls;
using McpFleet.Tests.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>A batch that reaches its size is dispatched at once, its calls together, without the clock moving.</summary>
public sealed class DispatchBySizeTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Reaching_MaxBatchSize_dispatches_the_queued_calls_of_any_servers_together_without_time_passing()
    {
        await using var alpha = InProcessServer.WaitingEcho(readOnly: true);
        await using var beta = InProcessServer.WaitingEcho(readOnly: true);
        await using var runtime = BatchFleet.Create(_time, ("alpha", alpha), ("beta", beta));
        await runtime.ConnectAsync();
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 3, MaxDelay = TimeSpan.FromHours(1) });

        var first = batch.EchoAsync("alpha", "a1");
        var second = batch.EchoAsync("beta", "b1");
        Assert.Equal(2, batch.Pending);
        Assert.False(first.IsCompleted || second.IsCompleted);

        var third = batch.EchoAsync("alpha", "a2");

        // Dispatched as the third call was queued; the clock never moves in this test, so the delay cannot have done it.
        Assert.Equal(0, batch.Pending);
        // The tools hold every call until released: all three reach their servers while none has answered.
        await TestServers.EventuallyAsync(() => alpha.Calls == 2 && beta.Calls == 1, "the three calls run at once");
        alpha.Release.SetResult();
        beta.Release.SetResult();
        Assert.Equal(["a1", "b1", "a2"], [(await first.Outcome()).Text, (await second.Outcome()).Text, (await third.Outcome()).Text]);
    }

    [Fact]
    public async Task Calls_queued_after_a_dispatch_start_the_next_batch()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 2, MaxDelay = Timeout.InfiniteTimeSpan });

        var calls = Enumerable.Range(0, 5).Select(i => batch.EchoAsync("svc", $"m{i}")).ToList();

        // Two full batches went; the fifth call waits for a sixth (the delay is infinite).
        Assert.Equal(1, batch.Pending);
        var dispatched = await Task.WhenAll(calls.Take(4).Select(call => call.Outcome()));
        Assert.Equal(["m0", "m1", "m2", "m3"], dispatched.Select(result => result.Text));
        Assert.False(calls[4].IsCompleted);
        var sixth = batch.EchoAsync("svc", "m5");
        Assert.Equal(["m4", "m5"], [(await calls[4].Outcome()).Text, (await sixth.Outcome()).Text]);
        Assert.Equal(6, server.Calls);
    }
}
