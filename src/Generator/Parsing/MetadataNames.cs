namespace McpFleet.Generator.Parsing;

/// <summary>
/// The MSBuild properties and item metadata the generator reads, as the compiler exposes them to analyzers. The
/// package's targets declare each with <c>CompilerVisibleProperty</c> or <c>CompilerVisibleItemMetadata</c>, copy
/// an <c>McpSnapshot</c> item's <c>ServerName</c>, <c>Namespace</c>, <c>Priority</c>, <c>IncludeTools</c>, <c>ExcludeTools</c> and <c>ReplicaOf</c> metadata to the
/// <c>McpFleet…</c> names below, and name the resource they embed the snapshot as.
/// </summary>
internal static class MetadataNames
{
    /// <summary><c>true</c> on the <c>AdditionalFiles</c> items that are snapshots (the package's <c>McpSnapshot</c> items).</summary>
    public const string IsSnapshot = "build_metadata.AdditionalFiles.McpFleetSnapshot";

    /// <summary>Per snapshot: the server's name, replacing the one in the snapshot (<c>ServerName</c> on the item).</summary>
    public const string ServerName = "build_metadata.AdditionalFiles.McpFleetServerName";

    /// <summary>Per snapshot: the namespace of the server's types (<c>Namespace</c> on the item).</summary>
    public const string ServerNamespace = "build_metadata.AdditionalFiles.McpFleetNamespace";

    /// <summary>Per snapshot: the server's priority for the <c>priority</c> strategy (<c>Priority</c> on the item).</summary>
    public const string ServerPriority = "build_metadata.AdditionalFiles.McpFleetPriority";

    /// <summary>Per snapshot: the server of the fleet this one is a replica of (<c>ReplicaOf</c> on the item).</summary>
    public const string ReplicaOf = "build_metadata.AdditionalFiles.McpFleetReplicaOf";

    /// <summary>Per snapshot: the tools to generate proxies for (<c>IncludeTools</c> on the item, <c>|</c> between entries).</summary>
    public const string IncludeTools = "build_metadata.AdditionalFiles.McpFleetIncludeTools";

    /// <summary>Per snapshot: the tools to generate no proxies for (<c>ExcludeTools</c> on the item, <c>|</c> between entries).</summary>
    public const string ExcludeTools = "build_metadata.AdditionalFiles.McpFleetExcludeTools";

    /// <summary>Per snapshot: the name of the resource the package's targets embed the snapshot file as, for the runtime's drift check.</summary>
    public const string SnapshotResource = "build_metadata.AdditionalFiles.McpFleetResource";

    /// <summary><c>true</c> on the <c>AdditionalFiles</c> item that is the conflict policy, <c>mcpfleet.json</c>.</summary>
    public const string IsPolicy = "build_metadata.AdditionalFiles.McpFleetPolicy";

    /// <summary>Per-tool policy rules, <c>tool=strategy</c> or <c>tool=strategy=server</c>, separated by <c>|</c>.</summary>
    public const string ToolRules = "build_property.McpFleetToolRules";

    /// <summary>The strategy for shared tools without a rule of their own.</summary>
    public const string DefaultStrategy = "build_property.McpFleetDefaultStrategy";

    /// <summary>What joins the server and tool names in model-facing names.</summary>
    public const string ModelNameSeparator = "build_property.McpFleetModelNameSeparator";

    /// <summary>The fleet class's namespace.</summary>
    public const string FleetNamespace = "build_property.McpFleetNamespace";

    /// <summary>The fleet class's name.</summary>
    public const string FleetTypeName = "build_property.McpFleetTypeName";

    /// <summary>The project's root namespace: the fleet's namespace unless <see cref="FleetNamespace"/> is set.</summary>
    public const string RootNamespace = "build_property.RootNamespace";
}
