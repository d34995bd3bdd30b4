using McpFleet.Generator.Emit;
using McpFleet.Generator.Fleet;
using McpFleet.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator;

/// <summary>
/// Generates typed proxies from MCP server snapshots: one file per server and one fleet file. This class only wires
/// the pipeline; <see cref="SnapshotParser"/>, <see cref="FleetResolver"/> and the emitters do the work.
/// </summary>
/// <remarks>
/// Each step's output is value-equal, so an edit re-runs only what it affects: an edit of C# code nothing, an edit of
/// a snapshot that server's parse and file (the fleet step runs but compares equal, so the fleet file is kept).
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class McpFleetGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => FleetSettingsReader.Read(options))
            .WithTrackingName(TrackingNames.FleetSettings);

        var snapshots = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SnapshotFileReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SnapshotFiles)
            .WhereNotNull();

        var parsed = snapshots
            .Combine(settings)
            .Select(static (pair, cancellationToken) => SnapshotParser.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedSnapshots);

        context.RegisterSourceOutput(
            parsed.Select(static (snapshot, _) => snapshot.Diagnostics).WithTrackingName(TrackingNames.SnapshotDiagnostics),
            SourceOutput.Report);

        var servers = parsed
            .Select(static (snapshot, _) => snapshot.Server)
            .WhereNotNull()
            .WithTrackingName(TrackingNames.Servers);

        // The one step that sees every server: checks across servers go here.
        var fleet = servers
            .Collect()
            .WithTrackingName(TrackingNames.CollectedServers)
            .Combine(settings)
            .Select(static (pair, _) => FleetResolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Fleet);

        context.RegisterSourceOutput(
            fleet.Select(static (resolved, _) => resolved.Diagnostics).WithTrackingName(TrackingNames.FleetDiagnostics),
            SourceOutput.Report);

        var fleetClass = fleet
            .Select(static (resolved, _) => resolved.FleetClass)
            .WithTrackingName(TrackingNames.FleetClass);

        context.RegisterSourceOutput(fleetClass, SourceOutput.AddFleet);

        var serverModels = servers
            .Combine(fleetClass.Select(static (fleetClass, _) => fleetClass.Servers).WithTrackingName(TrackingNames.Placements))
            .Select(static (pair, _) => ServerPlacement.Find(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ServerModels);

        context.RegisterSourceOutput(serverModels, SourceOutput.AddServer);
    }
}
