using McpFleet.Batching;
using McpFleet.Tests.Calls;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>A fleet of in-process servers over pipes on a fake clock, for batches: the clock only moves when a test moves it.</summary>
internal static class BatchFleet
{
    public static FleetRuntime Create(FakeTimeProvider time, params (string Name, InProcessServer Server)[] servers) =>
        Create(time, meterFactory: null, servers);

    public static FleetRuntime Create(FakeTimeProvider time, System.Diagnostics.Metrics.IMeterFactory? meterFactory, params (string Name, InProcessServer Server)[] servers)
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true, TimeProvider = time, MeterFactory = meterFactory };
        options.Health.Enabled = false;
        foreach (var (name, server) in servers)
        {
            options.Servers.Add(server.Definition(name));
        }

        return new FleetRuntime(options, new FleetManifest([.. servers.Select(s => new ServerDescriptor(s.Name, "2025-11-25", [Echo(s.Name)]))]));
    }

    public static ToolDescriptor Echo(string server) => new(server, "echo", new ToolHints(ReadOnly: true));

    public static Task<TextToolResult> EchoAsync(this CallBatch batch, string server, string message, CancellationToken cancellationToken = default) =>
        batch.CallToolAsync<EchoArguments, TextToolResult>(Echo(server), new(message), cancellationToken);

    /// <summary>Waits for a call's outcome, bounded so that a call the batch never dispatched fails the test rather than hangs it.</summary>
    public static Task<T> Outcome<T>(this Task<T> call) => call.WaitAsync(TimeSpan.FromSeconds(60));
}
