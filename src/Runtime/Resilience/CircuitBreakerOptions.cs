using System.ComponentModel.DataAnnotations;

namespace McpFleet.Resilience;

/// <summary>
/// When a circuit opens: once at least <see cref="MinimumThroughput"/> calls in <see cref="SamplingDuration"/> failed in
/// a ratio of at least <see cref="FailureRatio"/>, calls are refused without being sent for <see cref="BreakDuration"/>;
/// then one trial call decides whether it closes again. A server's circuit counts failures of its connection (and an
/// open one makes the server unhealthy); a tool's circuit on a server counts that tool's timeouts and server errors.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Whether the circuit breaker is used. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The failure ratio that opens the circuit, between 0 and 1. Default: 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>How many calls the sampling period must hold before the ratio counts; at least 2. Default: 10.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The period over which failures are counted; at least 0.5 s. Default: 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before a trial call; at least 0.5 s. Default: 15 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal void Validate(string owner)
    {
        // Polly's own bounds, reported here with the owner's name rather than when the first call builds the pipeline.
        if (FailureRatio is <= 0 or > 1 || double.IsNaN(FailureRatio))
        {
            throw new ValidationException($"{owner}: {nameof(FailureRatio)} must be above 0 and at most 1; it is {FailureRatio}.");
        }

        if (MinimumThroughput < 2)
        {
            throw new ValidationException($"{owner}: {nameof(MinimumThroughput)} must be at least 2; it is {MinimumThroughput}.");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ValidationException($"{owner}: {nameof(SamplingDuration)} and {nameof(BreakDuration)} must be at least 0.5 s; they are {SamplingDuration} and {BreakDuration}.");
        }
    }
}
