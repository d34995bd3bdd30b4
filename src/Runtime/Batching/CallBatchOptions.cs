using System.ComponentModel.DataAnnotations;

namespace McpFleet.Batching;

/// <summary>When a <see cref="CallBatch"/> dispatches the calls it has collected. Validated when the batch is created.</summary>
public sealed class CallBatchOptions
{
    /// <summary>How many queued calls dispatch the batch at once, without waiting for <see cref="MaxDelay"/>. Default: 32.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// How long the first queued call waits for others before the batch is dispatched anyway, measured on the fleet's
    /// <see cref="FleetOptions.TimeProvider"/>. <see cref="Timeout.InfiniteTimeSpan"/>: only by size, a flush or disposal.
    /// Default: 20 ms.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ValidationException"><see cref="MaxBatchSize"/> is below 1, or <see cref="MaxDelay"/> is zero or negative.</exception>
    public void Validate()
    {
        if (MaxBatchSize < 1)
        {
            throw new ValidationException($"{nameof(MaxBatchSize)} must be at least 1; it is {MaxBatchSize}.");
        }

        if (MaxDelay <= TimeSpan.Zero && MaxDelay != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(MaxDelay)} must be positive or infinite; it is {MaxDelay}.");
        }
    }
}
