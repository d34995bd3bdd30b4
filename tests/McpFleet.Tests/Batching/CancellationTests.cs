using McpFleet.Batching;
using McpFleet.Tests.Calls;
using McpFleet.Tests.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>Cancelling one call of a batch takes it out while queued, or cancels only it once dispatched.</summary>
public sealed class CancellationTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_queued_call_cancelled_by_its_caller_leaves_the_batch_and_is_never_sent()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 3, MaxDelay = TimeSpan.FromSeconds(1) });
        using var cancel = new CancellationTokenSource();

        var kept = batch.EchoAsync("svc", "kept");
        var cancelled = batch.EchoAsync("svc", "cancelled", cancel.Token);
        await cancel.CancelAsync();

        Assert.Equal(1, batch.Pending);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Outcome());
        // The batch fills with the next two calls, not the next one: the cancelled call no longer counts.
        var second = batch.EchoAsync("svc", "second");
        Assert.Equal(2, batch.Pending);
        var third = batch.EchoAsync("svc", "third");
        Assert.Equal(0, batch.Pending);
        Assert.Equal(["kept", "second", "third"], [(await kept.Outcome()).Text, (await second.Outcome()).Text, (await third.Outcome()).Text]);
        Assert.Equal(3, server.Calls);
    }

    [Fact]
    public async Task Cancelling_the_only_queued_call_stops_the_delay_of_its_batch()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 10, MaxDelay = TimeSpan.FromSeconds(1) });
        using var cancel = new CancellationTokenSource();
        var cancelled = batch.EchoAsync("svc", "cancelled", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Outcome());

        // A call queued later waits its own full delay, not what was left of the cancelled call's.
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var later = batch.EchoAsync("svc", "later");
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, batch.Pending);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("later", (await later.Outcome()).Text);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task Cancelling_a_dispatched_call_cancels_only_it_on_its_server()
    {
        await using var server = InProcessServer.WaitingEcho(readOnly: true);
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        await runtime.ConnectAsync();
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 2, MaxDelay = Timeout.InfiniteTimeSpan });
        using var cancel = new CancellationTokenSource();

        var cancelled = batch.EchoAsync("svc", "cancelled", cancel.Token);
        var kept = batch.EchoAsync("svc", "kept");
        await TestServers.EventuallyAsync(() => server.Calls == 2, "both calls reach the server");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Outcome());
        await TestServers.EventuallyAsync(() => server.Cancelled == 1, "the server is told to cancel that call");
        Assert.False(kept.IsCompleted);
        server.Release.SetResult();
        Assert.Equal("kept", (await kept.Outcome()).Text);
        Assert.Equal(1, server.Cancelled);
    }
}
