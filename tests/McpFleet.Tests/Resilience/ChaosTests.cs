using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Resilience;

/// <summary>
/// Three replicas of a read-only tool under steady load: one is killed, another frozen. The caller sees no failure,
/// and the killed replica stops getting traffic quickly.
/// </summary>
public sealed class ChaosTests
{
    private const int Workers = 4;
    private const int CallsPerPhase = 30;

    [Fact]
    public async Task Steady_load_survives_a_killed_replica_and_a_frozen_one_without_a_failed_call()
    {
        var service = $"chaos-{Guid.NewGuid():N}";
        string frozen = $"{service}-frozen", killed = $"{service}-killed";
        await using var healthy = await SampleServerProcess.StartAsync(service, SampleTransport.Http);
        await using var toFreeze = await SampleServerProcess.StartAsync(frozen, SampleTransport.Http);
        await using var toKill = await SampleServerProcess.StartAsync(killed, SampleTransport.Http);
        var options = TestServers.FastOptions(
            TestServers.Remote(service, healthy),
            TestServers.Remote(frozen, toFreeze) with { ReplicaOf = service },
            TestServers.Remote(killed, toKill) with { ReplicaOf = service });
        options.CallTimeout = TimeSpan.FromSeconds(3);
        options.Resilience.Hedging.Delay = TimeSpan.FromMilliseconds(300);
        await using var runtime = TestServers.Runtime(options, service);
        await runtime.ConnectAsync();
        using var decisions = new RoutingLog();
        using var resilience = new MetricRecorder("mcpfleet.resilience.events", "mcpfleet.resilience.event");
        var failures = new ConcurrentQueue<Exception>();
        var succeeded = 0;
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var text = $"{worker}-{i}";
                    Assert.Equal(text, (await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new(text))).Text);
                    Interlocked.Increment(ref succeeded);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToArray();

        // Each phase lasts until the load has made progress through it, not for a set time.
        await TestServers.EventuallyAsync(() => Volatile.Read(ref succeeded) >= CallsPerPhase, "the load is steady before the kill");
        await toKill.KillAsync();
        var beforeKill = Volatile.Read(ref succeeded);
        await TestServers.EventuallyAsync(() => Volatile.Read(ref succeeded) >= beforeKill + CallsPerPhase, "calls succeed after the kill");

        // Once the load has moved on, the killed replica is out of the routing: counted by decisions, not by time.
        var toKilledAfterRecovery = decisions.CountTo(killed);
        using (FrozenProcess.Freeze(toFreeze.ProcessId))
        {
            var (beforeFreeze, hedgesBeforeFreeze) = (Volatile.Read(ref succeeded), resilience["hedge"]);
            await TestServers.EventuallyAsync(
                () => resilience["hedge"] > hedgesBeforeFreeze && Volatile.Read(ref succeeded) >= beforeFreeze + CallsPerPhase, "calls to the frozen replica are hedged");
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.Empty(failures);
        Assert.True(decisions.CountTo(killed) == toKilledAfterRecovery, $"{decisions.CountTo(killed) - toKilledAfterRecovery} calls were routed to the killed replica after the load recovered.");
        Assert.True(decisions.CountTo(service) > decisions.CountTo(killed), "the healthy replica took the killed one's share.");
        Assert.True(resilience["failover"] + resilience["retry"] > 0, "calls to the killed replica were sent elsewhere.");
    }

    /// <summary>Which server each routing decision chose.</summary>
    private sealed class RoutingLog : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<string> _decisions = new();

        public RoutingLog()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "McpFleet" && instrument.Name == "mcpfleet.routing.decisions")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var (key, value) in tags)
                {
                    if (key == "mcpfleet.server.name" && value is string server)
                    {
                        _decisions.Enqueue(server);
                    }
                }
            });
            _listener.Start();
        }

        public int CountTo(string server) => _decisions.Count(d => d == server);

        public void Dispose() => _listener.Dispose();
    }
}
