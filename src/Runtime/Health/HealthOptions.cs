using System.ComponentModel.DataAnnotations;

namespace McpFleet.Health;

/// <summary>How the fleet watches its servers' health.</summary>
public sealed class HealthOptions
{
    /// <summary>Whether servers are probed at all. Calls still count as health signals. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a connected, healthy server is probed. Default: 15 s.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a probe may take before it counts as a failure. Default: 5 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many failures in a row (probes, or calls that could not reach the server) make it unhealthy. Default: 3.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>How long an unhealthy server is left alone before a recovery probe. Default: 10 s.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate()
    {
        if (ProbeInterval <= TimeSpan.Zero || ProbeTimeout <= TimeSpan.Zero || RecoveryInterval <= TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(ProbeInterval)}, {nameof(ProbeTimeout)} and {nameof(RecoveryInterval)} must be positive.");
        }

        if (FailureThreshold < 1)
        {
            throw new ValidationException($"{nameof(FailureThreshold)} must be at least 1; it is {FailureThreshold}.");
        }
    }
}
