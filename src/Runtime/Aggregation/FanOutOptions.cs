using System.ComponentModel.DataAnnotations;

namespace McpFleet.Aggregation;

/// <summary>Time limits and the success quorum of a fan-out. Validated when the fan-out starts.</summary>
public sealed class FanOutOptions
{
    /// <summary>
    /// How long each target's call may take; a target that has not answered by then is reported timed out and its call
    /// is cancelled on the server. <see langword="null"/> (default): each server's own call timeout.
    /// </summary>
    public TimeSpan? TargetTimeout { get; set; }

    /// <summary>
    /// How long the whole fan-out may take: outcomes not in by then are reported timed out and their calls are
    /// cancelled on the servers, and the result is aggregated from what came in. Default: infinite (each target is
    /// bounded by its timeout).
    /// </summary>
    public TimeSpan Deadline { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// The success quorum: how many targets must succeed, whatever their results, for the fan-out to have a result;
    /// fewer is a <see cref="FanOutException"/>. Default: 1. (An agreement quorum is the
    /// <see cref="AggregationStrategies.Quorum{TResult}"/> strategy.)
    /// </summary>
    public int MinimumSuccesses { get; set; } = 1;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ValidationException">A time limit is zero or negative, or <see cref="MinimumSuccesses"/> is below 1.</exception>
    public void Validate()
    {
        if (TargetTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(TargetTimeout)} must be positive or infinite; it is {timeout}.");
        }

        if (Deadline <= TimeSpan.Zero && Deadline != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(Deadline)} must be positive or infinite; it is {Deadline}.");
        }

        if (MinimumSuccesses < 1)
        {
            throw new ValidationException($"{nameof(MinimumSuccesses)} must be at least 1; it is {MinimumSuccesses}.");
        }
    }
}
