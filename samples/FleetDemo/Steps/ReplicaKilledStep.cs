using System.Collections.Concurrent;
using McpFleet.Resilience;
using McpFleet.Tools;

namespace FleetDemo.Steps;

/// <summary>
/// Step 3: read-only calls keep succeeding while a replica is killed under them: the runtime sends the calls the dead
/// replica cannot answer to another one (math_calc is read-only, so sending it again is safe).
/// </summary>
internal static class ReplicaKilledStep
{
    private const int Calls = 200;
    private const int InFlight = 20;
    private const int KillAfter = 60;

    public static async Task RunAsync(Fleet fleet, DemoServers servers, ReplicaTracer tracer, CancellationToken cancellationToken)
    {
        int completed = 0, succeeded = 0, failed = 0, failovers = 0, retries = 0;
        ConcurrentDictionary<string, int> servedBy = new(StringComparer.Ordinal);
        void OnResent(object? sender, CallResentEventArgs e)
        {
            if (e.Kind == ResendKind.Failover)
            {
                Interlocked.Increment(ref failovers);
            }
            else
            {
                Interlocked.Increment(ref retries);
            }
        }

        fleet.Runtime.CallResent += OnResent;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(1, Calls),
                new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
                async (operand, token) =>
                {
                    try
                    {
                        var (result, server) = await tracer.TraceAsync(() => fleet.MathCalcAsync($"{operand} + 1", cancellationToken: token));
                        servedBy.AddOrUpdate(server, 1, (_, count) => count + 1);
                        if (result.Result != operand + 1)
                        {
                            throw new InvalidOperationException($"{server} computed {operand} + 1 = {result.Result}.");
                        }

                        Interlocked.Increment(ref succeeded);
                    }
                    catch (ToolException)
                    {
                        Interlocked.Increment(ref failed);
                    }

                    if (Interlocked.Increment(ref completed) == KillAfter)
                    {
                        await servers.Beta.KillAsync();
                        DemoConsole.Line($"killed beta (process {servers.Beta.ProcessId}) after {KillAfter} of {Calls} calls, {InFlight} in flight");
                    }
                });
        }
        finally
        {
            fleet.Runtime.CallResent -= OnResent;
        }

        DemoConsole.Line($"{Calls} calls of fleet.MathCalcAsync: {succeeded} succeeded, {failed} failed");
        DemoConsole.Line($"served by {string.Join(", ", servedBy.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}");
        DemoConsole.Line($"CallResent events: {failovers} failovers to another replica, {retries} retries");
    }
}
