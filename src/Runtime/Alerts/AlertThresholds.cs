namespace McpFleet.Alerts;

/// <summary>The limits of one scope (the whole fleet, or one service); <see langword="null"/> leaves a limit unwatched.</summary>
public sealed class AlertThresholds
{
    /// <summary>The fewest routable instances (neither unhealthy nor draining) a service may have.</summary>
    public int? MinHealthyReplicas { get; set; }

    /// <summary>The largest share of failed calls (0 to 1; a tool error counts) over <see cref="AlertOptions.Window"/>.</summary>
    public double? MaxErrorRate { get; set; }

    /// <summary>The largest 99th percentile of call latency over <see cref="AlertOptions.Window"/>.</summary>
    public TimeSpan? MaxP99Latency { get; set; }

    internal bool IsEmpty => MinHealthyReplicas is null && MaxErrorRate is null && MaxP99Latency is null;

    internal void Validate(string scope)
    {
        if (MinHealthyReplicas is < 1)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException($"{scope}: {nameof(MinHealthyReplicas)} must be at least 1; it is {MinHealthyReplicas}.");
        }

        if (MaxErrorRate is { } rate && (double.IsNaN(rate) || rate is < 0 or >= 1))
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException($"{scope}: {nameof(MaxErrorRate)} must be from 0 to below 1; it is {MaxErrorRate}.");
        }

        if (MaxP99Latency is { } latency && latency <= TimeSpan.Zero)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException($"{scope}: {nameof(MaxP99Latency)} must be positive; it is {MaxP99Latency}.");
        }
    }
}
