using System.Diagnostics;
using McpFleet.Tools;

namespace FleetDemo.Steps;

/// <summary>Step 1: a typed method per server and tool, each server on its own transport, and a tool error as a typed exception.</summary>
internal static class TypedCallsStep
{
    public static async Task RunAsync(Fleet fleet, CancellationToken cancellationToken)
    {
        await ShowAsync("alpha, stdio          ", "fleet.Alpha.MathCalcAsync(\"2 × (3 + 4) − −1\")", async () => (await fleet.Alpha.MathCalcAsync("2 × (3 + 4) − −1", cancellationToken: cancellationToken)).Result);
        await ShowAsync("beta, Streamable HTTP ", "fleet.Beta.EchoAsync(\"hello from beta\")", async () => (await fleet.Beta.EchoAsync("hello from beta", cancellationToken: cancellationToken)).Text);
        await ShowAsync("gamma, SSE            ", "fleet.Gamma.MathCalcAsync(\"6 × 7\")", async () => (await fleet.Gamma.MathCalcAsync("6 × 7", cancellationToken: cancellationToken)).Result);
        try
        {
            await fleet.Alpha.MathCalcAsync("1 / (2 - 2)", cancellationToken: cancellationToken);
        }
        catch (ToolErrorException error)
        {
            DemoConsole.Line($"alpha, stdio           fleet.Alpha.MathCalcAsync(\"1 / (2 - 2)\")  ->  {error.GetType().Name}: {error.Message}");
        }
    }

    private static async Task ShowAsync<T>(string server, string call, Func<Task<T>> run)
    {
        var elapsed = Stopwatch.StartNew();
        var result = await run();
        DemoConsole.Line($"{server} {call}  ->  {result}  ({DemoConsole.Milliseconds(elapsed.Elapsed)})");
    }
}
