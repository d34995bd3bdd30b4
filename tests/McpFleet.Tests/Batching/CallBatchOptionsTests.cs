using System.ComponentModel.DataAnnotations;
using McpFleet.Batching;
using McpFleet.Tests.Calls;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>A batch's options are checked when it is created.</summary>
public sealed class CallBatchOptionsTests
{
    [Theory]
    [InlineData(0, 20, "MaxBatchSize must be at least 1; it is 0.")]
    [InlineData(1, 0, "MaxDelay must be positive or infinite; it is 00:00:00.")]
    [InlineData(1, -5, "MaxDelay must be positive or infinite; it is -00:00:00.0050000.")]
    public async Task Invalid_options_are_refused_when_the_batch_is_created(int maxBatchSize, int maxDelayMilliseconds, string message)
    {
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(new FakeTimeProvider(), ("svc", server));

        var invalid = Assert.Throws<ValidationException>(
            () => runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = maxBatchSize, MaxDelay = TimeSpan.FromMilliseconds(maxDelayMilliseconds) }));

        Assert.Equal(message, invalid.Message);
    }

    [Fact]
    public void The_defaults_are_valid_and_an_infinite_delay_is_allowed()
    {
        new CallBatchOptions().Validate();
        new CallBatchOptions { MaxDelay = Timeout.InfiniteTimeSpan }.Validate();
        Assert.Equal((32, TimeSpan.FromMilliseconds(20)), (new CallBatchOptions().MaxBatchSize, new CallBatchOptions().MaxDelay));
    }
}
