using McpFleet;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;

namespace FleetDemo;

/// <summary>The demo's fleet: three instances of the sample server with different tools, one per transport.</summary>
internal sealed class DemoServers : IAsyncDisposable
{
    private readonly SampleServerProcess _beta;
    private readonly SampleServerProcess _gamma;

    private DemoServers(SampleServerProcess beta, SampleServerProcess gamma)
    {
        _beta = beta;
        _gamma = gamma;
    }

    /// <summary>alpha on stdio (started by the fleet itself), beta on Streamable HTTP, gamma on legacy SSE.</summary>
    public IReadOnlyList<ServerDefinition> Definitions { get; private init; } = [];

    /// <summary>Starts the HTTP servers; gamma's files are the demo's own snapshots.</summary>
    public static async Task<DemoServers> StartAsync(string snapshotDirectory)
    {
        var beta = await SampleServerProcess.StartAsync("beta", SampleTransport.Http, ["--tools", "get_time", "echo"]);
        var gamma = await SampleServerProcess.StartAsync("gamma", SampleTransport.Sse, ["--tools", "list_files", "echo", "--root", snapshotDirectory]);
        var (command, arguments) = SampleServerProcess.StdioCommand("alpha", "--tools", "math_calc", "echo");
        return new DemoServers(beta, gamma)
        {
            Definitions =
            [
                ServerDefinition.Stdio("alpha", command, arguments),
                ServerDefinition.Remote("beta", beta.Endpoint, TransportKind.StreamableHttp),
                ServerDefinition.Remote("gamma", gamma.Endpoint, TransportKind.Sse),
            ],
        };
    }

    public FleetOptions ToOptions()
    {
        var options = new FleetOptions();
        foreach (var server in Definitions)
        {
            options.Servers.Add(server);
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _beta.DisposeAsync();
        await _gamma.DisposeAsync();
    }
}
