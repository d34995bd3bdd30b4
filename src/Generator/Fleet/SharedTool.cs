using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// A tool name offered by several servers, classified: the servers are partitioned by definition, every pair of
/// partitions is compared, and servers with one definition but different versions count as skew. The class is the
/// worst found.
/// </summary>
internal sealed class SharedTool
{
    private SharedTool(string wireName, IReadOnlyList<ServerTool> entries, IReadOnlyList<Difference> differences)
    {
        WireName = wireName;
        Entries = entries;
        Differences = differences;
        Class = differences.Any(d => d.IsConflict) ? SharingClass.Conflict : differences.Count > 0 ? SharingClass.Skew : SharingClass.Replicas;

        // Diagnostics point at the last server (in ordinal order) that differs from the first: with two servers, the later one.
        var first = entries[0];
        Later = entries.LastOrDefault(e => e.DefinitionKey != first.DefinitionKey || e.Version != first.Version) ?? first;
    }

    public string WireName { get; }

    /// <summary>The servers' definitions, in ordinal order of the server names.</summary>
    public IReadOnlyList<ServerTool> Entries { get; }

    public IReadOnlyList<Difference> Differences { get; }

    public SharingClass Class { get; }

    public ServerTool Later { get; }

    /// <summary>Where diagnostics about the tool point: its definition in <see cref="Later"/>'s snapshot.</summary>
    public SnapshotAnchor Anchor => new(Later.Server.FilePath, WireName);

    /// <summary>The servers with their versions, for messages: <c>'alpha' 1.0.0 and 'beta' 2.0.0</c>.</summary>
    public string Servers => ConflictText.List(Entries.Select(e => e.Reference).ToList());

    /// <param name="wireName">The tool's name.</param>
    /// <param name="entries">Two or more servers' definitions, in ordinal order of the server names.</param>
    public static SharedTool Classify(string wireName, IReadOnlyList<ServerTool> entries)
    {
        var partitions = entries.GroupBy(e => e.DefinitionKey, StringComparer.Ordinal).Select(group => group.ToList()).ToList();
        var differences = new List<Difference>();
        foreach (var partition in partitions.Where(p => p.Select(e => e.Version).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            differences.Add(new Difference(false, $"{ConflictText.List(partition.Select(e => e.Reference).ToList())} have the same definition but different versions"));
        }

        for (var i = 0; i < partitions.Count; i++)
        {
            for (var j = i + 1; j < partitions.Count; j++)
            {
                var found = ToolComparer.Compare(partitions[i][0], partitions[j][0]);

                // Definitions that differ only in ways the comparison does not explain are still not interchangeable.
                differences.AddRange(found.Count > 0 ? found : [new Difference(true, $"the definitions on {partitions[i][0].Reference} and {partitions[j][0].Reference} differ")]);
            }
        }

        return new SharedTool(wireName, entries, differences);
    }
}
