using FleetDemo.Alpha;
using McpFleet.Aggregation;

namespace FleetDemo.Steps;

/// <summary>Step 4: one call to every replica at once, the outcomes aggregated: here a majority vote, the dead replica one outcome among others.</summary>
internal static class FanOutStep
{
    public static async Task RunAsync(Fleet fleet, CancellationToken cancellationToken)
    {
        var vote = await fleet.MathCalcFanOutAsync(
            new MathCalcArguments { Expression = "6 × 7" }, AggregationStrategies.Majority<MathCalcResult>(), cancellationToken: cancellationToken);
        DemoConsole.Line($"fleet.MathCalcFanOutAsync(\"6 × 7\", majority)  ->  {vote.Value.Result}, agreed by {vote.Contributors.Count} of {vote.Outcomes.Count} replicas ({string.Join(", ", vote.Contributors)})");
        foreach (var outcome in vote.Outcomes)
        {
            var detail = outcome.Succeeded ? $"{outcome.Value!.Result}" : outcome.Exception?.GetType().Name ?? "";
            DemoConsole.Line($"  {outcome.Server,-6} {outcome.Status,-9} {detail}  ({DemoConsole.Milliseconds(outcome.Latency)})");
        }
    }
}
