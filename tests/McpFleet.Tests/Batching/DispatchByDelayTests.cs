using McpFleet.Batching;
using McpFleet.Tests.Calls;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>A batch that stays below its size is dispatched once MaxDelay has passed on the fleet's clock since its first call.</summary>
public sealed class DispatchByDelayTests
{
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_batch_below_its_size_is_dispatched_when_MaxDelay_has_passed_since_its_first_call()
    {
        await using var alpha = InProcessServer.Echo();
        await using var beta = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("alpha", alpha), ("beta", beta));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 10, MaxDelay = s_maxDelay });

        var first = batch.EchoAsync("alpha", "a");
        _time.Advance(TimeSpan.FromMilliseconds(30));
        var second = batch.EchoAsync("beta", "b");
        // 49 ms after the first call (19 ms after the second): not yet.
        _time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.Equal(2, batch.Pending);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, batch.Pending);
        Assert.Equal(("a", "b"), ((await first.Outcome()).Text, (await second.Outcome()).Text));
        Assert.Equal((1, 1), (alpha.Calls, beta.Calls));
    }

    [Fact]
    public async Task The_next_batch_waits_its_own_delay_from_its_own_first_call()
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, ("svc", server));
        await using var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 10, MaxDelay = s_maxDelay });
        var first = batch.EchoAsync("svc", "first");
        _time.Advance(s_maxDelay);
        Assert.Equal("first", (await first.Outcome()).Text);

        _time.Advance(TimeSpan.FromMilliseconds(30));
        var second = batch.EchoAsync("svc", "second");
        _time.Advance(s_maxDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, batch.Pending);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, batch.Pending);
        Assert.Equal("second", (await second.Outcome()).Text);
    }
}
