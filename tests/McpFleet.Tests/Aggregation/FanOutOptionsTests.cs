using System.ComponentModel.DataAnnotations;
using McpFleet.Aggregation;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>Fan-out options and strategy names are checked before anything is called.</summary>
public sealed class FanOutOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => new FanOutOptions().Validate();

    [Theory]
    [InlineData("TargetTimeout", "TargetTimeout must be positive or infinite; it is 00:00:00.")]
    [InlineData("Deadline", "Deadline must be positive or infinite; it is -00:00:01.")]
    [InlineData("MinimumSuccesses", "MinimumSuccesses must be at least 1; it is 0.")]
    public void Invalid_options_are_rejected_with_a_clear_message(string property, string message)
    {
        var options = property switch
        {
            "TargetTimeout" => new FanOutOptions { TargetTimeout = TimeSpan.Zero },
            "Deadline" => new FanOutOptions { Deadline = TimeSpan.FromSeconds(-1) },
            _ => new FanOutOptions { MinimumSuccesses = 0 },
        };

        Assert.Equal(message, Assert.Throws<ValidationException>(options.Validate).Message);
    }

    [Fact]
    public async Task A_fan_out_validates_its_options_before_calling_anything()
    {
        await using var runtime = new FleetRuntime(new FleetOptions());

        await Assert.ThrowsAsync<ValidationException>(() => runtime.FanOutAsync(
            FanOutTargets.Servers(SampleTools.Echo("any"), "nobody"), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>(), new FanOutOptions { MinimumSuccesses = 0 }));
    }

    [Theory]
    [InlineData("first")]
    [InlineData("fastest")]
    [InlineData("majority")]
    [InlineData("quorum:2")]
    public void Strategies_are_created_from_their_names(string name) => Assert.Equal(name, AggregationStrategies.FromName<TextToolResult>(name).Name);

    [Theory]
    [InlineData("all")]
    [InlineData("quorum:0")]
    [InlineData("quorum:")]
    [InlineData("quorum:x")]
    [InlineData("Majority")]
    public void Unknown_strategy_names_are_rejected(string name) => Assert.Throws<ArgumentException>(() => AggregationStrategies.FromName<TextToolResult>(name));
}
