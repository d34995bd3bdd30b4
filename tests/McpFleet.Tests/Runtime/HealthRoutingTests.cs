using McpFleet.Health;
using McpFleet.SampleServer.Launching;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Routing leaves out an unhealthy replica and takes it back once it recovers.</summary>
public sealed class HealthRoutingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-health-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_unhealthy_replica_receives_no_calls_until_it_recovers()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var replica = $"{service}-b";
        var journalA = Path.Join(_directory, "a.jsonl");
        var journalB = Path.Join(_directory, "b.jsonl");
        await using var a = await SampleServerProcess.StartAsync(service, SampleTransport.Http, ["--journal", journalA]);
        var b = await SampleServerProcess.StartAsync(replica, SampleTransport.Http, ["--journal", journalB]);
        var portB = b.Endpoint.Port;
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(TestServers.Remote(service, a), TestServers.Remote(replica, b) with { ReplicaOf = service }),
            service);
        using var decisions = new MetricRecorder("mcpfleet.routing.decisions", "mcpfleet.server.name");
        async Task CallAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                Assert.Equal("hi", (await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hi"))).Text);
            }
        }

        await CallAsync(10);
        Assert.Equal(5, TestServers.JournalLines(journalB));

        await b.DisposeAsync();
        await CallAsync(4);
        await TestServers.EventuallyAsync(() => Status(runtime, replica).Health == ServerHealth.Unhealthy, "the stopped replica is unhealthy");
        decisions.Reset();
        await CallAsync(10);
        Assert.Equal(0, decisions[replica]);
        Assert.Equal(10, decisions[service]);

        await using var restarted = await SampleServerProcess.StartAsync(replica, SampleTransport.Http, ["--journal", journalB], port: portB);
        await TestServers.EventuallyAsync(() => Status(runtime, replica).Health == ServerHealth.Healthy, "the restarted replica is healthy");
        decisions.Reset();
        await CallAsync(10);
        Assert.InRange(decisions[replica], 4, 6);
        Assert.InRange(TestServers.JournalLines(journalB), 9, 11);
    }

    private static ServerStatus Status(FleetRuntime runtime, string name) => runtime.GetServerStatuses().Single(s => s.Name == name);
}
