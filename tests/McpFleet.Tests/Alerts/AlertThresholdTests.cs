using McpFleet.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Alerts;

/// <summary>
/// Each threshold fires once when crossed and clears once when recovered, however many checks see it in between. Checks
/// run on a <see cref="FakeTimeProvider"/>'s timer, which fires synchronously as the test advances the clock.
/// </summary>
public sealed class AlertThresholdTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly List<(bool Raised, AlertEventArgs Alert)> _changes = [];

    [Fact]
    public void Too_few_routable_instances_fire_once_and_clear_once()
    {
        var routable = 2;
        var options = Options();
        options.Fleet.MinHealthyReplicas = 2;
        using var monitor = Monitor(options, () => [("search", routable)]);

        Check();
        Assert.Empty(_changes);

        routable = 1;
        Check();
        Check();
        var (raised, alert) = Assert.Single(_changes);
        Assert.True(raised);
        Assert.Equal((AlertKind.HealthyReplicas, "search", 1.0, 2.0), (alert.Kind, alert.Service, alert.Value, alert.Threshold));

        routable = 2;
        Check();
        Check();
        Assert.Equal(2, _changes.Count);
        Assert.False(_changes[1].Raised);
        Assert.Equal(AlertKind.HealthyReplicas, _changes[1].Alert.Kind);
    }

    [Fact]
    public void A_service_minimum_overrides_the_fleet_minimum()
    {
        var options = Options();
        options.Fleet.MinHealthyReplicas = 1;
        options.Services["search"] = new AlertThresholds { MinHealthyReplicas = 3 };
        using var monitor = Monitor(options, () => [("search", 2), ("weather", 1)]);

        Check();

        var (raised, alert) = Assert.Single(_changes);
        Assert.True(raised);
        Assert.Equal("search", alert.Service);
    }

    [Fact]
    public void An_error_rate_above_its_maximum_fires_once_and_clears_once_the_failures_leave_the_window()
    {
        var options = Options();
        options.Fleet.MaxErrorRate = 0.2;
        using var monitor = Monitor(options, () => []);
        for (var i = 0; i < 10; i++)
        {
            monitor.CallEnded("search", TimeSpan.FromMilliseconds(5), failed: i < 3);
        }

        Check();
        Check();
        var (raised, alert) = Assert.Single(_changes);
        Assert.True(raised);
        Assert.Equal((AlertKind.ErrorRate, (string?)null, 0.3), (alert.Kind, alert.Service, alert.Value));

        // The failures leave the window; the successes that follow keep enough calls in it.
        _time.Advance(options.Window);
        for (var i = 0; i < 10; i++)
        {
            monitor.CallEnded("search", TimeSpan.FromMilliseconds(5), failed: false);
        }

        Check();
        Assert.Equal(2, _changes.Count);
        Assert.False(_changes[1].Raised);
        Assert.Equal(0.0, _changes[1].Alert.Value);
    }

    [Fact]
    public void A_service_p99_above_its_maximum_fires_once_and_clears_once()
    {
        var options = Options();
        options.Services["search"] = new AlertThresholds { MaxP99Latency = TimeSpan.FromMilliseconds(500) };
        using var monitor = Monitor(options, () => []);
        for (var i = 0; i < 99; i++)
        {
            monitor.CallEnded("search", TimeSpan.FromMilliseconds(10), failed: false);
        }

        // Another service's slow calls are not this service's.
        monitor.CallEnded("weather", TimeSpan.FromSeconds(3), failed: false);
        Check();
        Assert.Empty(_changes);

        monitor.CallEnded("search", TimeSpan.FromSeconds(2), failed: false);
        monitor.CallEnded("search", TimeSpan.FromSeconds(2), failed: false);
        Check();
        Check();
        var (raised, alert) = Assert.Single(_changes);
        Assert.True(raised);
        Assert.Equal((AlertKind.P99Latency, "search", 2.0, 0.5), (alert.Kind, alert.Service, alert.Value, alert.Threshold));

        _time.Advance(options.Window);
        for (var i = 0; i < 20; i++)
        {
            monitor.CallEnded("search", TimeSpan.FromMilliseconds(10), failed: false);
        }

        Check();
        Assert.Equal(2, _changes.Count);
        Assert.False(_changes[1].Raised);
    }

    [Fact]
    public void Too_few_calls_in_the_window_raise_nothing()
    {
        var options = Options();
        options.Fleet.MaxErrorRate = 0.1;
        using var monitor = Monitor(options, () => []);
        for (var i = 0; i < options.MinimumCalls - 1; i++)
        {
            monitor.CallEnded("search", TimeSpan.FromMilliseconds(5), failed: true);
        }

        Check();
        Assert.Empty(_changes);

        monitor.CallEnded("search", TimeSpan.FromMilliseconds(5), failed: true);
        Check();
        Assert.True(Assert.Single(_changes).Raised);
    }

    [Fact]
    public void An_error_rate_of_one_or_more_is_refused_at_start()
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        options.Alerts.Services["search"] = new AlertThresholds { MaxErrorRate = 1.5 };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new FleetRuntime(options));
        Assert.Contains("Alerts.Services['search']: MaxErrorRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fleet_raises_an_alert_from_the_calls_of_a_failing_server()
    {
        var name = $"failing-{Guid.NewGuid():N}";
        var options = Runtime.TestServers.FastOptions(Runtime.TestServers.Stdio(name, "--fail-rate", "1"));
        options.TimeProvider = _time;
        options.Resilience.Retry.MaxRetryAttempts = 0; // a retry would wait on the fake clock
        options.Alerts.EvaluationInterval = s_interval;
        options.Alerts.MinimumCalls = 2;
        options.Alerts.Services[name] = new AlertThresholds { MaxErrorRate = 0.5 };
        using var alerts = new Runtime.MetricRecorder("mcpfleet.alerts", "mcpfleet.service.name");
        await using var runtime = Runtime.TestServers.Runtime(options, name);
        runtime.AlertRaised += (_, alert) => _changes.Add((true, alert));

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAnyAsync<Tools.ToolException>(() => runtime.CallToolAsync<Runtime.EchoArguments, Tools.TextToolResult>(Runtime.SampleTools.Echo(name), new("x")));
        }

        Check();

        var (_, alert) = Assert.Single(_changes);
        Assert.Equal((AlertKind.ErrorRate, name, 1.0), (alert.Kind, alert.Service, alert.Value));
        Assert.Equal(1, alerts[name]);
    }

    private static AlertOptions Options() => new() { EvaluationInterval = s_interval };

    private AlertMonitor Monitor(AlertOptions options, Func<IEnumerable<(string, int)>> replicas)
    {
        options.Validate();
        return new AlertMonitor(options, _time, replicas, (alert, raised) => _changes.Add((raised, alert)));
    }

    /// <summary>One check, run by the monitor's own timer.</summary>
    private void Check() => _time.Advance(s_interval);
}
