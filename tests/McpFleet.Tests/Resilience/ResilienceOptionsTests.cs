using System.ComponentModel.DataAnnotations;
using McpFleet.DependencyInjection;
using McpFleet.Resilience;
using Microsoft.Extensions.Configuration;

namespace McpFleet.Tests.Resilience;

/// <summary>Resilience options: read from configuration, and refused at start-up with a message naming what is wrong.</summary>
public sealed class ResilienceOptionsTests
{
    [Fact]
    public void Reads_fleet_server_and_tool_settings_from_configuration()
    {
        var options = Read(new()
        {
            ["Resilience:Retry:MaxRetryAttempts"] = "4",
            ["Resilience:Retry:Delay"] = "00:00:00.050",
            ["Resilience:Hedging:Delay"] = "00:00:00.300",
            ["Resilience:CircuitBreaker:FailureRatio"] = "0.25",
            ["Resilience:Servers:weather:CircuitBreaker:Enabled"] = "false",
            ["Resilience:AttemptTimeout"] = "00:00:02",
            ["Resilience:Tools:github/create_issue:Resend"] = "never",
            ["Resilience:Tools:github/create_issue:Timeout"] = "00:00:05",
            ["Resilience:Tools:github/create_issue:AttemptTimeout"] = "00:00:01",
            ["Resilience:Tools:github/create_issue:FailoverOrder:0"] = "github-eu",
            ["Resilience:Tools:search:Retry:MaxRetryAttempts"] = "0",
        });

        var resilience = options.Resilience;
        Assert.Equal((4, TimeSpan.FromMilliseconds(50)), (resilience.Retry.MaxRetryAttempts, resilience.Retry.Delay));
        Assert.Equal(TimeSpan.FromMilliseconds(300), resilience.Hedging.Delay);
        Assert.Equal(0.25, resilience.CircuitBreaker.FailureRatio);
        Assert.False(resilience.Servers["weather"].CircuitBreaker!.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(2), resilience.AttemptTimeout);
        var createIssue = resilience.Tools["github/create_issue"];
        Assert.Equal((ResendPolicy.Never, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), null), (createIssue.Resend, createIssue.Timeout, createIssue.AttemptTimeout, createIssue.Retry));
        Assert.Equal(["github-eu"], createIssue.FailoverOrder);
        Assert.Equal(0, resilience.Tools["search"].Retry!.MaxRetryAttempts);
        options.Validate(FleetManifest.Empty);
    }

    [Theory]
    [InlineData("Resilience:Retry:MaxRetryAttempts", "-1", "Resilience: MaxRetryAttempts must be between 0 and 100; it is -1.")]
    [InlineData("Resilience:CircuitBreaker:MinimumThroughput", "1", "Resilience: MinimumThroughput must be at least 2; it is 1.")]
    [InlineData("Resilience:CircuitBreaker:FailureRatio", "1.5", "Resilience: FailureRatio must be above 0 and at most 1; it is 1.5.")]
    [InlineData("Resilience:Hedging:Delay", "00:00:00", "Resilience: hedging Delay must be positive; it is 00:00:00.")]
    [InlineData("Resilience:Tools:echo:Hedging:MaxHedgedAttempts", "0", "Resilience of tool 'echo': MaxHedgedAttempts must be between 1 and 10; it is 0.")]
    [InlineData("Resilience:Servers:a:CircuitBreaker:BreakDuration", "00:00:00.1", "Resilience of server 'a': SamplingDuration and BreakDuration must be at least 0.5 s; they are 00:00:30 and 00:00:00.1000000.")]
    public void Invalid_settings_are_refused_at_start_up(string key, string value, string message)
    {
        var options = Read(new() { [key] = value });

        var error = Assert.Throws<ValidationException>(() => options.Validate(FleetManifest.Empty));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_unknown_resend_policy_is_refused_when_read()
    {
        var error = Assert.Throws<ValidationException>(() => Read(new() { ["Resilience:Tools:echo:Resend"] = "sometimes" }));

        Assert.Equal("'Resend' must be Automatic, Always or Never; it is 'sometimes'.", error.Message);
    }

    [Fact]
    public void A_bare_tool_name_that_no_unified_tool_has_is_refused_with_the_keys_that_would_work()
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        options.Resilience.Tools["echo"] = new ToolResilienceOptions { Resend = ResendPolicy.Never };
        var manifest = new FleetManifest([Runtime.SampleTools.Server("alpha"), Runtime.SampleTools.Server("beta")]);

        var error = Assert.Throws<ValidationException>(() => options.Validate(manifest));

        Assert.Equal("Resilience.Tools: 'echo' names no unified tool; a server's tool is named as server/tool: 'alpha/echo', 'beta/echo'.", error.Message);
    }

    private static FleetOptions Read(Dictionary<string, string?> values)
    {
        var options = new FleetOptions();
        FleetConfigurationReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), options);
        return options;
    }
}
