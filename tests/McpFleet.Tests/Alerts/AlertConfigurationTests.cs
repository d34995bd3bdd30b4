using System.ComponentModel.DataAnnotations;
using McpFleet.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace McpFleet.Tests.Alerts;

/// <summary>The alert thresholds read from configuration (an <c>Alerts</c> section of the fleet's settings).</summary>
public sealed class AlertConfigurationTests
{
    [Fact]
    public void Are_read_from_configuration_for_the_fleet_and_each_service()
    {
        var options = Read(new Dictionary<string, string?>
        {
            ["Alerts:Window"] = "00:02:00",
            ["Alerts:EvaluationInterval"] = "00:00:05",
            ["Alerts:MinimumCalls"] = "20",
            ["Alerts:Fleet:MaxErrorRate"] = "0.05",
            ["Alerts:Services:weather:MinHealthyReplicas"] = "2",
            ["Alerts:Services:weather:MaxP99Latency"] = "00:00:02",
        });

        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5), 20), (options.Alerts.Window, options.Alerts.EvaluationInterval, options.Alerts.MinimumCalls));
        Assert.Equal((null, 0.05, null), (options.Alerts.Fleet.MinHealthyReplicas, options.Alerts.Fleet.MaxErrorRate, options.Alerts.Fleet.MaxP99Latency));
        var weather = Assert.Single(options.Alerts.Services);
        Assert.Equal("weather", weather.Key);
        Assert.Equal((2, null, TimeSpan.FromSeconds(2)), (weather.Value.MinHealthyReplicas, weather.Value.MaxErrorRate, weather.Value.MaxP99Latency));
        options.Alerts.Validate();
    }

    [Fact]
    public void An_absent_section_keeps_the_defaults()
    {
        var defaults = new FleetOptions().Alerts;

        var options = Read(new Dictionary<string, string?> { ["CallTimeout"] = "00:00:30" });

        Assert.Equal((defaults.Window, defaults.EvaluationInterval, defaults.MinimumCalls), (options.Alerts.Window, options.Alerts.EvaluationInterval, options.Alerts.MinimumCalls));
        Assert.Null(options.Alerts.Fleet.MaxErrorRate);
        Assert.Empty(options.Alerts.Services);
    }

    [Theory]
    [InlineData("Alerts:Fleet:MaxErrorRate", "high", "'MaxErrorRate' must be a number; it is 'high'.")]
    [InlineData("Alerts:Services:weather:MinHealthyReplicas", "two", "'MinHealthyReplicas' must be an integer; it is 'two'.")]
    [InlineData("Alerts:Window", "1m", "'Window' must be a time span such as 00:00:30; it is '1m'.")]
    public void Invalid_configuration_names_the_setting(string key, string value, string message)
    {
        var error = Assert.Throws<ValidationException>(() => Read(new Dictionary<string, string?> { [key] = value }));

        Assert.Equal(message, error.Message);
    }

    private static FleetOptions Read(Dictionary<string, string?> values)
    {
        var options = new FleetOptions();
        FleetConfigurationReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), options);
        return options;
    }
}
