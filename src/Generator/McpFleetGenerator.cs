using McpFleet.Generator.Emit;
using McpFleet.Generator.Fleet;
using McpFleet.Generator.Parsing;
using McpFleet.Generator.Policy;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator;

/// <summary>
/// Generates typed proxies from MCP server snapshots: one file per server, one fleet file (with the unified methods
/// of tools several servers offer), the fleet's model-facing tool names, and a conflict report. This class only wires
/// the pipeline; <see cref="SnapshotParser"/>, <see cref="PolicyReader"/>, <see cref="FleetResolver"/> and the
/// emitters do the work.
/// </summary>
/// <remarks>
/// Each step's output is value-equal, so an edit re-runs only what it affects: an edit of C# code nothing, an edit of
/// a snapshot that server's parse and file (the fleet step runs but compares equal, so the fleet file is kept unless
/// the edit changes a unified tool).
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

        var policyFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => PolicyFileReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.PolicyFiles)
            .WhereNotNull();

        var policy = policyFiles
            .Collect()
            .Combine(context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => PolicyPropertiesReader.Read(options))
                .WithTrackingName(TrackingNames.PolicyProperties))
            .Select(static (pair, _) => PolicyReader.Read(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Policy);

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
        var collected = servers
            .Collect()
            .WithTrackingName(TrackingNames.CollectedServers);
        var fleet = collected
            .Combine(settings)
            .Combine(policy)
            .Select(static (pair, _) => FleetResolver.Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Fleet);

        // Positions are looked up only here, so that an edit that moves lines leaves the fleet step's output equal.
        context.RegisterSourceOutput(
            fleet.Select(static (resolved, _) => resolved.Diagnostics)
                .Combine(collected)
                .Select(static (pair, _) => AnchorResolver.Resolve(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.FleetDiagnostics),
            SourceOutput.Report);

        var fleetClass = fleet
            .Select(static (resolved, _) => resolved.FleetClass)
            .WithTrackingName(TrackingNames.FleetClass);

        context.RegisterSourceOutput(fleetClass, SourceOutput.AddFleet);

        // Every tool's name is in a file of its own, so that adding a tool regenerates that file and not the fleet's.
        var modelNames = collected
            .Combine(fleetClass)
            .Combine(policy.Select(static (resolved, _) => resolved.ModelNameSeparator))
            .Select(static (pair, _) => ModelNameResolver.Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ModelNames);

        context.RegisterSourceOutput(modelNames, SourceOutput.AddModelNames);
        context.RegisterSourceOutput(
            modelNames.Select(static (table, _) => table.Diagnostics).WithTrackingName(TrackingNames.ModelNameDiagnostics),
            SourceOutput.Report);

        var conflicts = fleet
            .Select(static (resolved, _) => resolved.Conflicts)
            .WithTrackingName(TrackingNames.Conflicts);

        context.RegisterSourceOutput(conflicts.Combine(modelNames), SourceOutput.AddConflictReport);

        var serverModels = servers
            .Combine(fleetClass.Select(static (fleetClass, _) => fleetClass.Servers).WithTrackingName(TrackingNames.Placements))
            .Select(static (pair, _) => ServerPlacement.Find(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ServerModels);

        context.RegisterSourceOutput(serverModels, SourceOutput.AddServer);
    }
}
