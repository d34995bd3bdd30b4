namespace FleetDemo.Steps;

/// <summary>Step 2: one unified method for a tool the replicas share, routed among them (round robin by default).</summary>
internal static class RoutedCallsStep
{
    public static async Task RunAsync(Fleet fleet, ReplicaTracer tracer, CancellationToken cancellationToken)
    {
        var group = Fleet.Manifest.ToolGroups.Single(group => group.ToolName == "math_calc");
        DemoConsole.Line($"fleet.MathCalcAsync: tool math_calc of {string.Join(", ", group.Members.Select(m => $"{m.Tool.ServerName} [{m.Product}]"))} ({group.Resolution})");
        for (var factor = 1; factor <= 6; factor++)
        {
            var expression = $"{factor} × 7";
            var (result, server) = await tracer.TraceAsync(() => fleet.MathCalcAsync(expression, cancellationToken: cancellationToken));
            DemoConsole.Line($"fleet.MathCalcAsync(\"{expression}\")  ->  {result.Result,2}   served by {server}");
        }
    }
}
