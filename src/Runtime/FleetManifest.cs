namespace McpFleet;

/// <summary>The servers a generated fleet type was built from: what its typed methods expect to find.</summary>
/// <param name="Servers">The servers, in ordinal order of their names.</param>
public sealed record FleetManifest(IReadOnlyList<ServerDescriptor> Servers)
{
    /// <summary>A manifest with no servers, for a runtime used without generated code.</summary>
    public static FleetManifest Empty { get; } = new([]);
}
