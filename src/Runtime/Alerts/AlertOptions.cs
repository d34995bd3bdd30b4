using System.ComponentModel.DataAnnotations;

namespace McpFleet.Alerts;

/// <summary>
/// Thresholds the fleet watches, raising <see cref="FleetRuntime.AlertRaised"/> once when one is crossed and
/// <see cref="FleetRuntime.AlertResolved"/> once when it is back within bounds. Default: nothing is watched.
/// </summary>
public sealed class AlertOptions
{
    /// <summary>Fleet-wide: error rate and p99 over all the fleet's calls; the minimum of routable instances of every service.</summary>
    public AlertThresholds Fleet { get; set; } = new();

    /// <summary>Per service (a server and its replicas, by the server's name): error rate and p99 over its calls, and its
    /// minimum of routable instances in place of the fleet's.</summary>
    public IDictionary<string, AlertThresholds> Services { get; } = new Dictionary<string, AlertThresholds>(StringComparer.Ordinal);

    /// <summary>The sliding window error rates and latencies are measured over. Default: 1 min.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often thresholds are checked; an alert changes state at most once per check, so a value hovering at
    /// its threshold cannot raise a storm. Default: 10 s.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The fewest calls in the window for an error rate or p99 to count; with fewer, it is within bounds. Default: 10.</summary>
    public int MinimumCalls { get; set; } = 10;

    internal bool IsEnabled => !Fleet.IsEmpty || Services.Values.Any(thresholds => !thresholds.IsEmpty);

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate()
    {
        if (Fleet is null || Services.Values.Any(thresholds => thresholds is null))
        {
            throw new ValidationException($"{nameof(Fleet)} and every entry of {nameof(Services)} are required.");
        }

        if (Window <= TimeSpan.Zero || EvaluationInterval <= TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(Window)} and {nameof(EvaluationInterval)} must be positive; they are {Window} and {EvaluationInterval}.");
        }

        if (MinimumCalls < 1)
        {
            throw new ValidationException($"{nameof(MinimumCalls)} must be at least 1; it is {MinimumCalls}.");
        }

        Fleet.Validate("Alerts.Fleet");
        foreach (var (service, thresholds) in Services.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            thresholds.Validate($"Alerts.Services['{service}']");
        }
    }
}
