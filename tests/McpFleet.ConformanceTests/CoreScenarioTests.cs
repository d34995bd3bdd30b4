namespace McpFleet.ConformanceTests;

/// <summary>The conformance suite's handshake, tool call, elicitation and SSE resumption scenarios.</summary>
public sealed class CoreScenarioTests
{
    [Theory]
    [InlineData("initialize")]
    [InlineData("tools_call")]
    [InlineData("elicitation-sep1034-client-defaults")]
    [InlineData("sse-retry")]
    public Task Scenario_passes(string scenario) => ScenarioAssert.PassesAsync(scenario);
}
