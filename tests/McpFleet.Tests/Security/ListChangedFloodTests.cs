using System.Diagnostics;
using McpFleet.Tests.Runtime;
using Xunit.Abstractions;

namespace McpFleet.Tests.Security;

/// <summary>
/// A server that floods the fleet with <c>notifications/tools/list_changed</c> costs a few re-checks of its own tools,
/// and nothing of another server's calls. Asserted on the mechanism (re-checks against notifications), which load
/// cannot make flaky; the latencies are only reported.
/// </summary>
public sealed class ListChangedFloodTests(ITestOutputHelper output)
{
    private const int Notifications = 20_000;

    [Fact]
    public async Task A_flood_of_list_changed_costs_a_few_rechecks_and_another_servers_calls_go_on()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (floodingName, steadyName) = ($"flooding-{suffix}", $"steady-{suffix}");
        var flooding = Hostile.Stdio(floodingName) with { ProtocolVersion = "2025-11-25" };
        var steady = Hostile.Stdio(steadyName) with { ProtocolVersion = "2025-11-25" };
        var manifest = new FleetManifest([await Hostile.CaptureAsync(flooding), await Hostile.CaptureAsync(steady)]);
        using var checks = new MetricRecorder("mcpfleet.drift.checks", "mcpfleet.server.name");
        await using var runtime = new FleetRuntime(TestServers.FastOptions(flooding, steady), manifest);
        var announced = 0;
        runtime.ToolListChanged += (_, e) => Interlocked.Increment(ref announced);
        await runtime.ConnectAsync();
        var baseline = await EchoLatenciesAsync(runtime, steadyName, 100, () => true);

        var flood = Hostile.CallAsync(runtime, floodingName, "flood", $$"""{ "count": {{Notifications}} }""");
        var duringFlood = await EchoLatenciesAsync(runtime, steadyName, 100, () => flood.IsCompleted);
        Assert.Equal("flooded", (await flood).Text);

        output.WriteLine(
            $"{checks[floodingName]} checks of the flooding server, {announced} announced rounds; steady echo p99 {P99(baseline):0.0} ms before, "
            + $"{P99(duringFlood):0.0} ms during the flood ({duringFlood.Count} calls)");
        Assert.Equal(1, checks[steadyName]);
        Assert.InRange(checks[floodingName], 1, 1 + (Notifications / 100));
        Assert.InRange(announced, 0, (int)checks[floodingName]);
    }

    /// <summary>Sequential echo calls, at least <paramref name="count"/> and until <paramref name="done"/>; each must succeed.</summary>
    private static async Task<List<double>> EchoLatenciesAsync(FleetRuntime runtime, string server, int count, Func<bool> done)
    {
        var latencies = new List<double>();
        while (latencies.Count < count || !done())
        {
            var started = Stopwatch.GetTimestamp();
            Assert.Equal("ping", (await Hostile.CallAsync(runtime, server, "echo", """{ "message": "ping" }""")).Text);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static double P99(List<double> latencies) => latencies.Order().ElementAt((int)Math.Ceiling(latencies.Count * 0.99) - 1);
}
