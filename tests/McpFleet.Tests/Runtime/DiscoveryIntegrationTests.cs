using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Discovery;
using McpFleet.Registry;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Discovery;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>The runtime follows its discovery sources: new servers join the routing, missing ones are drained.</summary>
public sealed class DiscoveryIntegrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-discovered-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Servers_in_a_watched_mcp_json_join_and_leave_the_fleet()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var path = Path.Join(_directory, "mcp.json");
        await WriteServersAsync(path, (service, null));
        var options = TestServers.FastOptions();
        options.Discovery.Add(new McpJsonFileDiscovery(new McpJsonFileDiscoveryOptions { Path = path }));
        await using var runtime = TestServers.Runtime(options, service);
        var added = new List<string>();
        var removed = new List<string>();
        runtime.ServerAdded += (_, e) => added.Add(e.Server.Name);
        runtime.ServerRemoved += (_, e) => removed.Add(e.Server.Name);

        // The first call waits for the source's first set.
        Assert.Equal("one", (await CallAsync(runtime, service, "one")).Text);
        await WriteServersAsync(path, (service, null), ($"{service}-2", service));
        // The registry changes just before the event is raised: wait for both.
        await TestServers.EventuallyAsync(() => runtime.ServerNames.Count == 2 && added.Count >= 2, "the second server joined");
        using var decisions = new MetricRecorder("mcpfleet.routing.decisions", "mcpfleet.server.name");
        for (var i = 0; i < 10; i++)
        {
            await CallAsync(runtime, service, "routed");
        }

        await WriteServersAsync(path, ($"{service}-2", service));
        await TestServers.EventuallyAsync(() => runtime.ServerNames.Count == 1 && removed.Count >= 1, "the first server left");

        Assert.Equal([service, $"{service}-2"], added);
        Assert.Equal([service], removed);
        Assert.Equal(5, decisions[$"{service}-2"]);
        Assert.Equal("two", (await CallAsync(runtime, service, "two")).Text);
        Assert.Equal([$"{service}-2"], runtime.ServerNames);
    }

    [Fact]
    public async Task Servers_under_an_etcd_prefix_join_and_leave_the_fleet()
    {
        await using var etcd = await EtcdServer.StartAsync();
        await using var server = await SampleServerProcess.StartAsync("svc", SampleTransport.Http);
        var prefix = $"/mcp/{Guid.NewGuid():N}/";
        var options = TestServers.FastOptions();
        options.Discovery.Add(new EtcdDiscovery(new EtcdDiscoveryOptions { Endpoint = etcd.Endpoint, Prefix = prefix }));
        await using var runtime = TestServers.Runtime(options, "svc");
        await runtime.StartAsync();
        Assert.Empty(runtime.ServerNames);

        await etcd.PutAsync($"{prefix}svc-a", JsonSerializer.Serialize(new { url = server.Endpoint.ToString(), type = "streamable-http", replicaOf = "svc", weight = 2 }));
        await TestServers.EventuallyAsync(() => runtime.ServerNames.Count == 1, "the etcd entry joined");
        var echo = await CallAsync(runtime, "svc", "via etcd");
        var status = Assert.Single(runtime.GetServerStatuses());
        await etcd.DeleteAsync($"{prefix}svc-a");
        await TestServers.EventuallyAsync(() => runtime.ServerNames.Count == 0, "the deleted entry left");

        Assert.Equal("via etcd", echo.Text);
        Assert.Equal(("svc-a", "svc", 2), (status.Name, status.Service, status.Weight));
        Assert.Equal(NotSentReason.NoReplica, (await Assert.ThrowsAsync<ToolNotSentException>(() => CallAsync(runtime, "svc", "gone"))).Reason);
    }

    private static Task<TextToolResult> CallAsync(FleetRuntime runtime, string service, string message) =>
        runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new(message));

    private static async Task WriteServersAsync(string path, params (string Name, string? ReplicaOf)[] servers)
    {
        var entries = new JsonObject();
        foreach (var (name, replicaOf) in servers)
        {
            var (command, arguments) = SampleServerProcess.StdioCommand(name);
            var entry = new JsonObject { ["command"] = command, ["args"] = new JsonArray([.. arguments.Select(a => JsonValue.Create(a))]) };
            if (replicaOf is not null)
            {
                entry["replicaOf"] = replicaOf;
            }

            entries[name] = entry;
        }

        // Written beside the file and moved over it, as editors do.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, new JsonObject { ["servers"] = entries }.ToJsonString());
        File.Move(temporary, path, overwrite: true);
    }
}
