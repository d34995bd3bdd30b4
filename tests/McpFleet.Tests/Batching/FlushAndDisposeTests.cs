using McpFleet.Batching;
using McpFleet.Tests.Calls;
using McpFleet.Tools;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>A flush and a disposal dispatch the calls still queued and wait for their outcomes.</summary>
public sealed class FlushAndDisposeTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task FlushAsync_dispatches_the_queued_calls_and_returns_once_each_has_its_outcome()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 10, MaxDelay = TimeSpan.FromHours(1) });
        var first = batch.EchoAsync("svc", "first");
        var unknown = batch.EchoAsync("nowhere", "lost");
        Assert.Equal(2, batch.Pending);

        // A failed call does not make the flush throw: it is that call's outcome.
        await batch.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, batch.Pending);
        Assert.True(first.IsCompleted && unknown.IsCompleted);
        Assert.Equal("first", (await first).Text);
        await Assert.ThrowsAsync<ToolNotSentException>(() => unknown);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task DisposeAsync_dispatches_the_queued_calls_waits_for_them_and_refuses_new_ones()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 10, MaxDelay = TimeSpan.FromHours(1) });
        var first = batch.EchoAsync("svc", "first");
        var second = batch.EchoAsync("svc", "second");

        await batch.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(first.IsCompleted && second.IsCompleted);
        Assert.Equal(("first", "second"), ((await first).Text, (await second).Text));
        Assert.Equal(2, server.Calls);
        Assert.Throws<ObjectDisposedException>(() => { _ = batch.EchoAsync("svc", "too late"); });
    }
}
