namespace McpFleet.AI;

/// <summary>
/// Which of the fleet's tools to hand a model, which need the user's approval, and how a large fleet is searched. The
/// filters combine: a tool is offered when it passes every one that is set.
/// </summary>
public sealed class FleetAIToolOptions
{
    /// <summary>Only the tools of these servers (by the names the snapshots give them); a unified tool passes when all
    /// its configured servers are listed. Empty (the default): every server.</summary>
    public ISet<string> Servers { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Only the tools of servers with one of these tags (<see cref="Configuration.ServerDefinition.Tags"/>, on any
    /// of the server's instances); a unified tool passes when all its configured servers have one. Empty (the default): any.</summary>
    public ISet<string> Tags { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Only read-only tools: those the snapshot and the live server both declare read-only. Default: <see langword="false"/>.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Exactly these tools, by model-facing name (a group's member tools included). Empty (the default): all.</summary>
    public ISet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Exactly these servers' tools, picked with IntelliSense from the generated descriptors
    /// (<c>options.Tools.Add(EverythingServer.Tools.GetSum)</c>); they join <see cref="Names"/>. Empty (the default): all.</summary>
    public ISet<ToolDescriptor> Tools { get; } = new HashSet<ToolDescriptor>();

    /// <summary>Exactly these unified tools, from the generated fleet's descriptors (<c>options.UnifiedTools.Add(Fleet.Groups.Echo)</c>);
    /// they join <see cref="Names"/>. Empty (the default): all.</summary>
    public ISet<ToolGroupDescriptor> UnifiedTools { get; } = new HashSet<ToolGroupDescriptor>();

    /// <summary>A last filter over the tools the others let through.</summary>
    public Func<FleetAIFunction, bool>? Filter { get; set; }

    /// <summary>
    /// Whether the per-server tools that an offered unified tool routes among are offered too. Default:
    /// <see langword="false"/>: the model sees the unified tool once (<c>echo</c>), not also each replica's copy
    /// (<c>alpha__echo</c>, <c>beta__echo</c>), unless <see cref="Names"/> lists them. When the unified tool is not offered
    /// (e.g. <see cref="Servers"/> names only some of its servers), the servers' copies are.
    /// </summary>
    public bool IncludeGroupMembers { get; set; }

    /// <summary>
    /// Tools, by model-facing name, offered without asking the user first although they may be destructive. Every
    /// other tool that the snapshot or the live server declares destructive is wrapped in an <c>ApprovalRequiredAIFunction</c>.
    /// </summary>
    public ISet<string> ApprovalNotRequired { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the servers' live tool listings are read, so a tool is treated as destructive (or not read-only) when
    /// either its snapshot or the live server says so. A server that cannot be reached is judged by its snapshot.
    /// Default: <see langword="true"/>; <see langword="false"/> connects to nothing.
    /// </summary>
    public bool UseLiveHints { get; set; } = true;

    /// <summary>How the model finds tools. Default: <see cref="ToolSearchMode.None"/>.</summary>
    public ToolSearchMode Search { get; set; }

    /// <summary>The most tools one <c>find_tools</c> call loads (<see cref="ToolSearchMode.Local"/>). Default: 5.</summary>
    public int SearchResultLimit { get; set; } = 5;
}
