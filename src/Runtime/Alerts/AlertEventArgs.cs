namespace McpFleet.Alerts;

/// <summary>An alert raised (a threshold crossed) or resolved (back within bounds).</summary>
public sealed class AlertEventArgs(AlertKind kind, string? service, double value, double threshold, string message) : EventArgs
{
    /// <summary>What is watched.</summary>
    public AlertKind Kind { get; } = kind;

    /// <summary>The service it concerns, or <see langword="null"/> for the whole fleet.</summary>
    public string? Service { get; } = service;

    /// <summary>The measured value: instances, a share of failed calls (0 to 1), or seconds of p99 latency.</summary>
    public double Value { get; } = value;

    /// <summary>The threshold, in the same unit as <see cref="Value"/>.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>What happened, for a log or a page.</summary>
    public string Message { get; } = message;
}
