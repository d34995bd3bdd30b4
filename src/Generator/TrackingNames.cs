namespace McpFleet.Generator;

/// <summary>
/// Names of the pipeline's steps, so that tests can check which steps ran again after an edit
/// (<c>GeneratorRunResult.TrackedSteps</c>).
/// </summary>
internal static class TrackingNames
{
    /// <summary>The project's fleet namespace and class name.</summary>
    public const string FleetSettings = nameof(FleetSettings);

    /// <summary>The policy's MSBuild properties, unparsed.</summary>
    public const string PolicyProperties = nameof(PolicyProperties);

    /// <summary>The policy file's text (other additional files yield nothing).</summary>
    public const string PolicyFiles = nameof(PolicyFiles);

    /// <summary>The conflict policy: the file and the MSBuild properties together.</summary>
    public const string Policy = nameof(Policy);

    /// <summary>Each snapshot's text and metadata (non-snapshot additional files yield nothing).</summary>
    public const string SnapshotFiles = nameof(SnapshotFiles);

    /// <summary>Each snapshot parsed into a server spec and diagnostics.</summary>
    public const string ParsedSnapshots = nameof(ParsedSnapshots);

    /// <summary>Each snapshot's diagnostics.</summary>
    public const string SnapshotDiagnostics = nameof(SnapshotDiagnostics);

    /// <summary>Each usable server spec.</summary>
    public const string Servers = nameof(Servers);

    /// <summary>All server specs at once: the input of checks across servers.</summary>
    public const string CollectedServers = nameof(CollectedServers);

    /// <summary>The resolved fleet: unique names and places for every server, the unified tools, and fleet-level diagnostics.</summary>
    public const string Fleet = nameof(Fleet);

    /// <summary>The fleet-level diagnostics.</summary>
    public const string FleetDiagnostics = nameof(FleetDiagnostics);

    /// <summary>The fleet class's model, the input of the fleet file.</summary>
    public const string FleetClass = nameof(FleetClass);

    /// <summary>What the conflict report says about names shared by several servers.</summary>
    public const string Conflicts = nameof(Conflicts);

    /// <summary>Every tool's model-facing name: the input of the model-name file and of the report's name list.</summary>
    public const string ModelNames = nameof(ModelNames);

    /// <summary>The model-facing names' diagnostics.</summary>
    public const string ModelNameDiagnostics = nameof(ModelNameDiagnostics);

    /// <summary>Where each server goes in the fleet.</summary>
    public const string Placements = nameof(Placements);

    /// <summary>Each server's spec with its place, the input of the server's file.</summary>
    public const string ServerModels = nameof(ServerModels);
}
