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
}
