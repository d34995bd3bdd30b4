namespace McpFleet.Generator.Fleet;

/// <summary>
/// A tool name that two or more servers offer, seen per logical server: the replica groups offering it, each with its
/// own classification. Only servers of one group can share a unified method by default; a name offered by several
/// groups (different products) is shared by coincidence until a rule joins them.
/// </summary>
internal sealed class ToolOffer
{
    /// <param name="wireName">The tool's name.</param>
    /// <param name="entries">Two or more servers' definitions, in ordinal order of the server names.</param>
    public ToolOffer(string wireName, IReadOnlyList<ServerTool> entries)
    {
        WireName = wireName;
        Entries = entries;
        All = SharedTool.Classify(wireName, entries);
        var groups = entries.GroupBy(entry => entry.Group).Select(group => group.ToList()).ToList();

        // One product: its classification is the one just made, so the comparisons are not made twice.
        Groups = groups.Count == 1
            ? [new GroupOffer(groups[0][0].Group, entries, All)]
            : groups.Select(members => new GroupOffer(members[0].Group, members, members.Count > 1 ? SharedTool.Classify(wireName, members) : null)).ToList();
    }

    public string WireName { get; }

    /// <summary>Every server's definition, in ordinal order of the server names.</summary>
    public IReadOnlyList<ServerTool> Entries { get; }

    /// <summary>All the definitions classified together, as a rule that joins products sees them.</summary>
    public SharedTool All { get; }

    /// <summary>The groups offering the tool, in ordinal order of their first server's name.</summary>
    public IReadOnlyList<GroupOffer> Groups { get; }

    /// <summary>Whether different products (replica groups) offer the tool.</summary>
    public bool IsCrossProduct => Groups.Count > 1;

    /// <summary>The products, for messages: <c>product 'a' ('a-1' 1.0.0 and 'a-2' 1.0.0) and product 'b' ('b' 2.0.0)</c>.</summary>
    public string Products => ConflictText.List(Groups.Select(g => $"{g.Group.Describe()} ({ConflictText.List(g.Entries.Select(e => e.Reference).ToList())})").ToList());
}

/// <summary>The servers of one replica group that offer a tool.</summary>
/// <param name="Group">The group.</param>
/// <param name="Entries">Its servers' definitions, in ordinal order of the server names.</param>
/// <param name="Shared">Their classification, when there are two or more.</param>
internal sealed record GroupOffer(ReplicaGroup Group, IReadOnlyList<ServerTool> Entries, SharedTool? Shared);
