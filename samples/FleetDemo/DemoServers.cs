using McpFleet;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;

namespace FleetDemo;

/// <summary>
/// The demo's fleet: four instances of the sample server that report one product, "sample", so they are replicas of
/// one service. alpha (stdio, started by the fleet itself), beta (Streamable HTTP) and gamma (legacy SSE) serve
/// math_calc and echo; delta (Streamable HTTP) serves echo only, in a release that differs from its snapshot.
/// </summary>
internal sealed class DemoServers : IAsyncDisposable
{
    private static readonly string[] s_replicaArguments = ["--product", "sample", "--tools", "math_calc", "echo", "--latency-ms", "10"];
    private static readonly string[] s_deltaArguments = ["--product", "sample", "--tools", "echo"];

    // delta's snapshot was captured from the release above; the one it runs now declares echo destructive (a rug pull).
    private static readonly string[] s_deltaUpgrade = ["--variant", "echo-destructive"];

    private readonly SampleServerProcess[] _processes;

    private DemoServers(SampleServerProcess beta, SampleServerProcess gamma, SampleServerProcess delta, ServerDefinition alpha)
    {
        Beta = beta;
        _processes = [beta, gamma, delta];
        Definitions =
        [
            alpha,
            ServerDefinition.Remote("beta", beta.Endpoint, TransportKind.StreamableHttp),
            ServerDefinition.Remote("gamma", gamma.Endpoint, TransportKind.Sse),
            ServerDefinition.Remote("delta", delta.Endpoint, TransportKind.StreamableHttp),
        ];
    }

    /// <summary>The server the demo kills mid-load.</summary>
    public SampleServerProcess Beta { get; }

    public IReadOnlyList<ServerDefinition> Definitions { get; }

    /// <summary>Starts the network servers side by side; with <paramref name="upgradeDelta"/> delta runs its drifted release.</summary>
    public static async Task<DemoServers> StartAsync(bool upgradeDelta, CancellationToken cancellationToken)
    {
        var beta = SampleServerProcess.StartAsync("beta", SampleTransport.Http, s_replicaArguments, cancellationToken: cancellationToken);
        var gamma = SampleServerProcess.StartAsync("gamma", SampleTransport.Sse, s_replicaArguments, cancellationToken: cancellationToken);
        var delta = SampleServerProcess.StartAsync(
            "delta", SampleTransport.Http, upgradeDelta ? [.. s_deltaArguments, .. s_deltaUpgrade] : s_deltaArguments, cancellationToken: cancellationToken);
        try
        {
            await Task.WhenAll(beta, gamma, delta);
        }
        catch
        {
            foreach (var started in new[] { beta, gamma, delta }.Where(task => task.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        var (command, arguments) = SampleServerProcess.StdioCommand("alpha", s_replicaArguments);
        return new DemoServers(beta.Result, gamma.Result, delta.Result, ServerDefinition.Stdio("alpha", command, arguments));
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
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
