using McpFleet.Health;
using McpFleet.Testing;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// Health probes run on the fleet's clock: the test advances it instead of sleeping, and freezes the server's process
/// (SIGSTOP) so that probes go unanswered while the session stays open.
/// </summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    public async Task A_server_that_stops_answering_probes_becomes_unhealthy_and_recovers_when_it_answers_again(string? protocolVersion)
    {
        var marker = $"probe-{Guid.NewGuid():N}";
        var time = new TimerAwareFakeTimeProvider();
        var options = TestServers.FastOptions(TestServers.Stdio("svc", "--title", marker) with { ProtocolVersion = protocolVersion });
        options.TimeProvider = time;
        options.Health.FailureThreshold = 2;
        options.Health.ProbeInterval = TimeSpan.FromSeconds(15);
        options.Health.ProbeTimeout = TimeSpan.FromSeconds(5);
        options.Health.RecoveryInterval = TimeSpan.FromSeconds(10);
        await using var runtime = TestServers.Runtime(options, "svc");
        var changes = new List<ServerHealth>();
        runtime.HealthChanged += (_, change) => changes.Add(change.Current);
        await runtime.ConnectAsync();
        var pid = Assert.Single(ProcessTable.FindByCommandLine(marker));

        await AdvanceAsync(time, options.Health.ProbeInterval);
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].LastProbeLatency is not null, "the first probe succeeded");

        using (FrozenProcess.Freeze(pid))
        {
            for (var probe = 1; probe <= 2; probe++)
            {
                await AdvanceAsync(time, options.Health.ProbeInterval);
                await AdvanceAsync(time, options.Health.ProbeTimeout);
                await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].ConsecutiveFailures == probe, $"probe {probe} failed");
            }
        }

        var whileFrozen = runtime.GetServerStatuses()[0];
        await AdvanceAsync(time, options.Health.RecoveryInterval);
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].Health == ServerHealth.Healthy, "the recovery probe succeeded");

        Assert.Equal(ServerHealth.Unhealthy, whileFrozen.Health);
        Assert.Equal([ServerHealth.Healthy, ServerHealth.Unhealthy, ServerHealth.Healthy], changes);
    }

    /// <summary>Waits until the monitor waits on the clock, then moves the clock past that wait.</summary>
    private static async Task AdvanceAsync(TimerAwareFakeTimeProvider time, TimeSpan by)
    {
        await time.WaitForTimersAsync();
        time.Advance(by);
    }
}
