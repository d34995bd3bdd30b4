namespace McpFleet.ConformanceTests;

/// <summary>The suite's authorization-code scenarios: metadata discovery and registration.</summary>
public sealed class AuthorizationDiscoveryScenarioTests
{
    [Theory]
    [InlineData("auth/metadata-default")]
    [InlineData("auth/metadata-var1")]
    [InlineData("auth/metadata-var2")]
    [InlineData("auth/metadata-var3")]
    [InlineData("auth/basic-cimd")]
    [InlineData("auth/pre-registration")]
    [InlineData("auth/2025-03-26-oauth-metadata-backcompat")]
    [InlineData("auth/resource-mismatch")]
    public Task Scenario_passes(string scenario) => ScenarioAssert.PassesAsync(scenario);
}
