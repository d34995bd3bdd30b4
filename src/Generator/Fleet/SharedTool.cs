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

        // Diagnostics point at the odd one out, a server of the rarest definition (the later one of two), and suggest
        // preferring a server of the commonest (the first of two): of three servers where one differs, that is the one.
        var variants = entries
            .GroupBy(e => (e.DefinitionKey, e.Version))
            .Select(variant => variant.ToList())
            .OrderBy(variant => variant.Count)
            .ThenByDescending(variant => variant[0].Name, StringComparer.Ordinal)
            .ToList();
        Odd = variants[0][0];
        Typical = variants[variants.Count - 1][0];
    }

    public string WireName { get; }

    /// <summary>The servers' definitions, in ordinal order of the server names.</summary>
    public IReadOnlyList<ServerTool> Entries { get; }

    public IReadOnlyList<Difference> Differences { get; }

    public SharingClass Class { get; }

    /// <summary>A server whose definition (and version) the fewest servers share.</summary>
    public ServerTool Odd { get; }

    /// <summary>A server whose definition (and version) the most servers share: the one a <c>prefer</c> rule suggests.</summary>
    public ServerTool Typical { get; }

    /// <summary>Where diagnostics about the tool point: its definition in <see cref="Odd"/>'s snapshot.</summary>
    public SnapshotAnchor Anchor => new(Odd.Server.FilePath, WireName);

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
