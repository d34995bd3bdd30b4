namespace McpFleet.ConformanceTests;

/// <summary>The suite's authorization-code scenarios: scopes and token endpoint authentication.</summary>
public sealed class AuthorizationScopeScenarioTests
{
    [Theory]
    [InlineData("auth/scope-from-www-authenticate")]
    [InlineData("auth/scope-from-scopes-supported")]
    [InlineData("auth/scope-omitted-when-undefined")]
    [InlineData("auth/scope-step-up")]
    [InlineData("auth/scope-retry-limit")]
    [InlineData("auth/token-endpoint-auth-basic")]
    [InlineData("auth/token-endpoint-auth-post")]
    [InlineData("auth/token-endpoint-auth-none")]
    [InlineData("auth/offline-access-scope")]
    [InlineData("auth/offline-access-not-supported")]
    public Task Scenario_passes(string scenario) => ScenarioAssert.PassesAsync(scenario);
}
