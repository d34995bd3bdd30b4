namespace McpFleet.ConformanceTests;

internal static class ScenarioAssert
{
    /// <summary>Runs the scenario and asserts that every check succeeded (warnings allowed).</summary>
    public static async Task PassesAsync(string scenario)
    {
        var result = await ConformanceSuite.RunAsync(scenario);

        Assert.True(result.Checks.Any(check => check.Status == "SUCCESS") && !result.Failures.Any(), result.ToString());
    }
}
