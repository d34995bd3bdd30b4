namespace McpFleet.Generator.Model;

/// <summary>
/// Exactly what the fleet class needs, and no more: a tool edit leaves it equal, so the fleet file stays cached.
/// </summary>
/// <param name="Namespace">The fleet class's namespace.</param>
/// <param name="TypeName">The fleet class's name.</param>
/// <param name="Servers">The servers that are generated, in ordinal order of their names.</param>
/// <param name="Groups">The unified tools, in ordinal order of their wire names.</param>
internal sealed record FleetClassSpec(string Namespace, string TypeName, EquatableArray<FleetServerSpec> Servers, EquatableArray<UnifiedToolSpec> Groups);
