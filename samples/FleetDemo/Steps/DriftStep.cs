using McpFleet.Drift;
using McpFleet.Tools;

namespace FleetDemo.Steps;

/// <summary>
/// Step 5: delta runs a release whose echo is destructive while its snapshot says read-only. The runtime compared the
/// two when delta's session opened, raised DriftDetected and blocks echo there; the other replicas still serve it.
/// </summary>
internal static class DriftStep
{
    private static readonly TimeSpan s_eventTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(Fleet fleet, Task<DriftDetectedEventArgs> driftDetected, ReplicaTracer tracer, CancellationToken cancellationToken)
    {
        var drift = await driftDetected.WaitAsync(s_eventTimeout, cancellationToken);
        DemoConsole.Line($"DriftDetected: server {drift.ServerName}, blocked tools: {string.Join(", ", drift.BlockedTools)}");
        foreach (var decision in drift.Decisions)
        {
            DemoConsole.Line($"  {decision.Change.Class} {decision.Change}  ->  {decision.Action}");
        }

        try
        {
            var echo = await fleet.Delta.EchoAsync("hello from delta", cancellationToken: cancellationToken);
            DemoConsole.Line($"fleet.Delta.EchoAsync(\"hello from delta\")  ->  {echo.Text} (not blocked)");
        }
        catch (ToolBlockedException blocked)
        {
            DemoConsole.Line($"fleet.Delta.EchoAsync(\"hello from delta\")  ->  {blocked.GetType().Name}: {blocked.Message}");
        }

        var (result, server) = await tracer.TraceAsync(() => fleet.EchoAsync("hello, fleet", cancellationToken: cancellationToken));
        DemoConsole.Line($"fleet.EchoAsync(\"hello, fleet\")  ->  {result.Text}   served by {server}");
    }
}
