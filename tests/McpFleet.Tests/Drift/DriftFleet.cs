using System.Collections.Concurrent;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Drift;
using McpFleet.Snapshots;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.Drift;

/// <summary>
/// A runtime over real sample servers whose manifest carries tools of the committed sample snapshot, as generated code
/// does, so that servers started with <c>--variant</c> or other <c>--tools</c> drift from it. Records the drift events,
/// the logs and the drift metric of its servers.
/// </summary>
internal sealed class DriftFleet : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly MetricRecorder _metric;

    private DriftFleet(FleetRuntime runtime, ILoggerFactory loggerFactory, CollectingLoggerProvider logs, MetricRecorder metric)
    {
        Runtime = runtime;
        _loggerFactory = loggerFactory;
        Logs = logs;
        _metric = metric;
        runtime.DriftDetected += (_, e) => Events.Enqueue(e);
    }

    public FleetRuntime Runtime { get; }

    public ConcurrentQueue<DriftDetectedEventArgs> Events { get; } = new();

    public CollectingLoggerProvider Logs { get; }

    /// <summary>The warnings logged about drift.</summary>
    public IReadOnlyList<string> DriftWarnings => [.. Logs.Messages.Where(m => m.StartsWith("Warning", StringComparison.Ordinal) && m.Contains("differs from its snapshot", StringComparison.Ordinal))];

    /// <summary>A name no other test uses, so the process-wide metric listener sees this test's servers alone.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Creates the fleet; each server's snapshot has the named tools of the committed sample snapshot.</summary>
    public static DriftFleet Create(Action<DriftOptions>? policy, params (ServerDefinition Server, string[] SnapshotTools)[] servers)
    {
        var options = TestServers.FastOptions([.. servers.Select(s => s.Server)]);
        policy?.Invoke(options.Drift);
        // Sessions of this revision close at once; tests about the newer one pin it on their servers.
        options.Connection.ProtocolVersion = "2025-11-25";
        var manifest = new FleetManifest([.. servers
            .Where(s => s.Server.ReplicaOf is null)
            .Select(s => new ServerDescriptor(s.Server.Name, null, [SampleTools.Echo(s.Server.Name), SampleTools.MathCalc(s.Server.Name)], SnapshotToolsOf(s.SnapshotTools)))]);
        var logs = new CollectingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        var metric = new MetricRecorder("mcpfleet.drift.changes", "mcpfleet.server.name");
        return new DriftFleet(new FleetRuntime(options, manifest, loggerFactory), loggerFactory, logs, metric);
    }

    /// <summary>The named tools of <c>schemas/snapshots/sample.snapshot.json</c>, as a manifest carries them.</summary>
    public static SnapshotTools SnapshotToolsOf(params string[] names)
    {
        using var snapshot = JsonDocument.Parse(File.ReadAllBytes(Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "sample.snapshot.json")));
        var tools = snapshot.RootElement.GetProperty("tools").EnumerateArray().Where(tool => names.Contains(tool.GetProperty("name").GetString())).ToList();
        Assert.Equal(names.Length, tools.Count);
        return SnapshotTools.FromJson(JsonSerializer.Serialize(tools));
    }

    /// <summary>The drift changes counted for a server.</summary>
    public double CountedChanges(string server) => _metric[server];

    public Task<TextToolResult> EchoAsync(string server, string message = "hello") =>
        Runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(server), new(message));

    public Task<MathCalcResult> CalcAsync(string server, string expression = "6*7") =>
        Runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc(server), new(expression));

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        _metric.Dispose();
        _loggerFactory.Dispose();
    }
}
