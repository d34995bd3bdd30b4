using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: a shipped ID is never reused for another meaning
/// (AnalyzerReleases.*.md track them), and each links to its section of docs/diagnostics.md.
/// </summary>
/// <remarks>
/// Fields with an explicit <c>new DiagnosticDescriptor(…)</c>, not properties or target-typed <c>new</c>: that is the
/// form the release-tracking analyzer recognizes.
/// </remarks>
internal static class DiagnosticDescriptors
{
    private const string Category = "McpFleet";
    private const string HelpLinkBase = "https://github.com/mcpfleet/mcpfleet/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = new DiagnosticDescriptor(
        id: "MCPF0001",
        title: "Snapshot is not valid JSON",
        messageFormat: "Snapshot '{0}' is not valid JSON: {1}. Fix the file, or capture the server again with 'mcpfleet capture'.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0001");

    public static readonly DiagnosticDescriptor InvalidSnapshotShape = new DiagnosticDescriptor(
        id: "MCPF0002",
        title: "Snapshot has an unexpected shape",
        messageFormat: "Snapshot '{0}': {1} must be {2}, so {3} is skipped. Fix the snapshot, or capture the server again with 'mcpfleet capture'.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0002");

    public static readonly DiagnosticDescriptor UnsupportedFormatVersion = new DiagnosticDescriptor(
        id: "MCPF0003",
        title: "Snapshot format version is not supported",
        messageFormat: "Snapshot '{0}' has formatVersion {1}, but this McpFleet generator reads only formatVersion 1. Update the McpFleet package, or capture the server again with the matching 'mcpfleet capture'.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0003");

    public static readonly DiagnosticDescriptor DuplicateToolName = new DiagnosticDescriptor(
        id: "MCPF0004",
        title: "Tool is listed more than once",
        messageFormat: "Snapshot '{0}' lists tool '{1}' more than once, so this later definition is skipped. Keep one definition, or capture the server again.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0004");

    public static readonly DiagnosticDescriptor DuplicateServerName = new DiagnosticDescriptor(
        id: "MCPF0005",
        title: "Server name is used by more than one snapshot",
        messageFormat: "Server name '{0}' is used by snapshots '{1}' and '{2}', so '{2}' is skipped. Give one of the servers another name: the 'name' in its snapshot, or ServerName metadata on its McpSnapshot item.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0005");

    public static readonly DiagnosticDescriptor SchemaNotRepresentable = new DiagnosticDescriptor(
        id: "MCPF0006",
        title: "Schema has no typed C# form",
        messageFormat: "Tool '{0}' of server '{1}': the schema at '{2}' {3}, so it is generated as {4}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0006");

    public static readonly DiagnosticDescriptor IdentifierRenamed = new DiagnosticDescriptor(
        id: "MCPF0007",
        title: "Generated C# name differs from the wire name",
        messageFormat: "The C# name for {0} is '{1}' because {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0007");

    public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
        id: "MCPF0008",
        title: "Unexpected error while reading a snapshot",
        messageFormat: "Snapshot '{0}' could not be processed because of an unexpected {1}: {2}. The other snapshots are still generated; please report this problem with the snapshot attached.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0008");

    public static readonly DiagnosticDescriptor InvalidConfiguredName = new DiagnosticDescriptor(
        id: "MCPF0009",
        title: "Configured name is not valid in C#",
        messageFormat: "The {2} '{1}' set by {0} is not valid C#, so '{3}' is used instead. Set {0} to {4}.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0009");

    public static readonly DiagnosticDescriptor SnapshotUnreadable = new DiagnosticDescriptor(
        id: "MCPF0010",
        title: "Snapshot file could not be read",
        messageFormat: "Snapshot '{0}' could not be read. Check that the file exists and that the build can read it.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0010");

    public static readonly DiagnosticDescriptor UnknownSchemaType = new DiagnosticDescriptor(
        id: "MCPF0011",
        title: "Schema type is not a JSON Schema type",
        messageFormat: "Tool '{0}' of server '{1}': the schema at '{2}' has the type '{3}', which JSON Schema does not define, so it is generated as JsonElement. The types are string, number, integer, boolean, array, object and null; report the misspelling to the server's authors.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0011");

    public static readonly DiagnosticDescriptor NamespaceIsFleetClass = new DiagnosticDescriptor(
        id: "MCPF0012",
        title: "Namespace is the fleet class's name",
        messageFormat: "The namespace '{0}' set by the Namespace metadata of its McpSnapshot item is, or is inside, the fleet class '{1}', which would be defined twice, so '{2}' is used instead. Choose another namespace, or another McpFleetTypeName.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0012");

    public static readonly DiagnosticDescriptor ToolFilterMatchesNothing = new DiagnosticDescriptor(
        id: "MCPF0013",
        title: "Tool filter matches no tool",
        messageFormat: "The {0} metadata of snapshot '{1}' lists '{2}', which matches none of its {3} tools, so it selects nothing. Check the name against the snapshot's tool names, case included.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0013");

    public static readonly DiagnosticDescriptor SharedTool = new DiagnosticDescriptor(
        id: "MCPF0101",
        title: "Tool is offered by several servers",
        messageFormat: "Tool '{0}' is offered by servers {1}: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0101");

    public static readonly DiagnosticDescriptor ToolVersionSkew = new DiagnosticDescriptor(
        id: "MCPF0102",
        title: "Tool differs between servers in a compatible way",
        messageFormat: "Tool '{0}' differs between servers {1}: {2}. {3}.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0102");

    public static readonly DiagnosticDescriptor ToolConflict = new DiagnosticDescriptor(
        id: "MCPF0103",
        title: "Tool is defined incompatibly by different servers",
        messageFormat: "Tool '{0}' is defined incompatibly by servers {1}: {2}. Say which definition the fleet uses: add to \"tools\" in mcpfleet.json {3}, or {4} to keep only the per-server methods.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0103");

    public static readonly DiagnosticDescriptor CatalogItemDiffers = new DiagnosticDescriptor(
        id: "MCPF0104",
        title: "Prompt or resource differs between servers",
        messageFormat: "{0} '{1}' differs between servers {2} ({3}): {4}. McpFleet generates no code for {5} yet, so this is only reported.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0104");

    public static readonly DiagnosticDescriptor UnifiedNameTaken = new DiagnosticDescriptor(
        id: "MCPF0105",
        title: "Unified method name is already taken",
        messageFormat: "The unified method for tool '{0}' is named '{1}' because '{2}' is already used by {3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0105");

    public static readonly DiagnosticDescriptor ModelNameChanged = new DiagnosticDescriptor(
        id: "MCPF0106",
        title: "Model-facing tool names were shortened or sanitised",
        messageFormat: "Server '{0}': model-facing tool names must be at most 64 characters from A-Z, a-z, 0-9, '_' and '-', so these get a hash suffix: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0106");

    public static readonly DiagnosticDescriptor ModelNameCollision = new DiagnosticDescriptor(
        id: "MCPF0107",
        title: "Model-facing tool name is not unique",
        messageFormat: "The model-facing name '{0}' of tool '{1}' on server '{2}' is already the name of tool '{3}' on server '{4}', so it is left out of the model-facing names. Give one of the servers another name (ServerName metadata), or set another separator (\"modelNames\": {{ \"separator\": \"...\" }} in mcpfleet.json).",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0107");

    public static readonly DiagnosticDescriptor InvalidModelNameSeparator = new DiagnosticDescriptor(
        id: "MCPF0108",
        title: "Model-facing name separator is not valid",
        messageFormat: "The model-facing name separator '{0}' set by {1} must be one or more characters from A-Z, a-z, 0-9, '_' and '-', so '__' is used instead",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0108");

    public static readonly DiagnosticDescriptor InvalidPolicy = new DiagnosticDescriptor(
        id: "MCPF0109",
        title: "Conflict policy is not valid",
        messageFormat: "Policy {0}: {1}, so {2}. See docs/conflicts.md for the policy format.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0109");

    public static readonly DiagnosticDescriptor PolicyRuleUnused = new DiagnosticDescriptor(
        id: "MCPF0110",
        title: "Conflict policy rule has no effect",
        messageFormat: "Policy {0}: {1} has no effect because {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0110");

    public static readonly DiagnosticDescriptor PolicyRuleNotApplicable = new DiagnosticDescriptor(
        id: "MCPF0111",
        title: "Conflict policy rule cannot be applied",
        messageFormat: "Policy {0}: {1} cannot be applied to tool '{2}' because {3}, so the tool gets no unified method",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0111");

    public static readonly DiagnosticDescriptor MergeImpossible = new DiagnosticDescriptor(
        id: "MCPF0112",
        title: "Tool cannot be merged",
        messageFormat: "Tool '{0}' cannot be merged across servers {1}: {2}, so it gets no unified method. Use another strategy for it, e.g. {3}.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0112");

    public static readonly DiagnosticDescriptor VersionNotSemantic = new DiagnosticDescriptor(
        id: "MCPF0113",
        title: "Server version is not a semantic version",
        messageFormat: "Server '{0}' has {1}, so {2} cannot order the servers of {3}, and there is no unified method. Versions are compared as Semantic Versioning 2.0 (e.g. 1.4.0-beta.2): fix the version, or use prefer or priority instead.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0113");

    public static readonly DiagnosticDescriptor DuplicateNamespace = new DiagnosticDescriptor(
        id: "MCPF0114",
        title: "Servers share a namespace",
        messageFormat: "Servers '{0}' and '{1}' both put their types in namespace '{2}', where they would be defined twice, so '{1}' is skipped. Give one of them another Namespace metadata on its McpSnapshot item.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0114");

    public static readonly DiagnosticDescriptor ToolOfDifferentProducts = new DiagnosticDescriptor(
        id: "MCPF0115",
        title: "Tool is offered by different products",
        messageFormat: "Tool '{0}' is offered by different products, {1}: they are not replicas of one another, so each server keeps its own method and there is no unified method. To have one, add to \"tools\" in mcpfleet.json {2} (that server's product) or {3} (all of them).",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0115");

    public static readonly DiagnosticDescriptor ToolShadowed = new DiagnosticDescriptor(
        id: "MCPF0116",
        title: "A copy of another product's replicated tool shadows it",
        messageFormat: "{0} tool '{1}' exactly as {2} does (same definition and version as {3}, which are its replicas), but {4}: a copy under another name shadows the replicas' tool, so there is no unified method. If {5} of the same service, declare it: \"replicaOf\": \"{6}\" under \"servers\" in mcpfleet.json (or ReplicaOf metadata on its McpSnapshot item); otherwise say who fleet.{7} is for: add to \"tools\" in mcpfleet.json {8}.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0116");

    public static readonly DiagnosticDescriptor ReplicaDescriptionsDiffer = new DiagnosticDescriptor(
        id: "MCPF0117",
        title: "Replicas describe a unified tool differently",
        messageFormat: "Tool '{0}' is described differently by {1} than by {2}, replicas of {3}: a description is text a model reads and follows. fleet.{4} is documented with the description of {5}, its first member; check which server changed it.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "mcpf0117");
}
