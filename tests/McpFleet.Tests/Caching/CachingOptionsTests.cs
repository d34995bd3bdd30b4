using System.ComponentModel.DataAnnotations;
using McpFleet.Caching;
using McpFleet.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace McpFleet.Tests.Caching;

/// <summary>Caching is off unless asked for, and its options are checked when the fleet starts.</summary>
public sealed class CachingOptionsTests
{
    [Fact]
    public void Caching_is_off_by_default()
    {
        Assert.False(new FleetOptions().Caching.Enabled);
    }

    public static TheoryData<Action<CachingOptions>, string> InvalidOptions => new()
    {
        { o => o.DefaultTimeToLive = TimeSpan.FromSeconds(-1), "DefaultTimeToLive must not be negative; it is -00:00:01." },
        { o => o.ToolTimeToLive["echo"] = TimeSpan.FromSeconds(-2), "ToolTimeToLive needs tool names and times that are not negative; tool 'echo' has -00:00:02." },
        { o => o.ToolTimeToLive[""] = TimeSpan.FromSeconds(2), "ToolTimeToLive needs tool names and times that are not negative; tool '' has 00:00:02." },
        { o => o.MaxEntries = 0, "MaxEntries must be at least 1; it is 0." },
        { o => o.MaxBytes = 0, "MaxBytes must be at least 1; it is 0." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_stop_the_runtime_from_starting(Action<CachingOptions> change, string message)
    {
        var options = new FleetOptions();
        options.Caching.Enabled = true;
        change(options.Caching);

        var error = Assert.Throws<ValidationException>(() => new FleetRuntime(options));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Missing_caching_options_are_reported()
    {
        var error = Assert.Throws<ValidationException>(() => new FleetOptions { Caching = null! }.Validate(FleetManifest.Empty));

        Assert.Contains("Caching", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_sets_every_caching_option()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Enabled"] = "true",
            ["Caching:DefaultTimeToLive"] = "00:00:45",
            ["Caching:MaxEntries"] = "12",
            ["Caching:MaxBytes"] = "5000000000",
            ["Caching:Tools:get_time"] = "00:00:00",
            ["Caching:Tools:search"] = "00:05:00",
        }).Build();
        var options = new FleetOptions();

        FleetConfigurationReader.Read(configuration, options);

        Assert.True(options.Caching.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Caching.DefaultTimeToLive);
        Assert.Equal(12, options.Caching.MaxEntries);
        Assert.Equal(5_000_000_000, options.Caching.MaxBytes);
        Assert.Equal(TimeSpan.Zero, options.Caching.ToolTimeToLive["get_time"]);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Caching.ToolTimeToLive["search"]);
    }
}
