using ModelContextProtocol.Protocol;

namespace McpFleet.AI;

/// <summary>
/// Every tool of a manifest a model can be offered, with its model-facing name and snapshot definition: the servers'
/// tools under the generator's names, and the unified tools under <see cref="UnifiedToolNames"/>. Tools the manifest
/// has no definition for, and merged groups (whose union schema only the generated code knows), are left out.
/// </summary>
internal static class ToolCatalog
{
    public static IReadOnlyList<Entry> Read(FleetManifest manifest)
    {
        var entries = new List<Entry>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { FindToolsFunction.FunctionName };
        foreach (var name in manifest.ModelToolNames)
        {
            taken.Add(name.Name);
            if (manifest.GetSnapshotTool(name.Tool) is { } definition)
            {
                entries.Add(new Entry(name.Name, definition, name.Tool, Group: null));
            }
        }

        foreach (var group in manifest.ToolGroups.Where(group => group.Resolution != ToolGroupResolution.Merge && group.Members.Count > 0))
        {
            if (manifest.GetSnapshotTool(group.Members[0].Tool) is { } definition && UnifiedToolNames.Create(group.ToolName, taken.Contains) is { } name)
            {
                taken.Add(name);
                entries.Add(new Entry(name, definition, Tool: null, group));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>A tool a model can be offered.</summary>
    /// <param name="Name">The model-facing name.</param>
    /// <param name="Definition">The snapshot definition (for a unified tool, its preferred server's).</param>
    /// <param name="Tool">A server's tool, or <see langword="null"/>.</param>
    /// <param name="Group">A unified tool, or <see langword="null"/>.</param>
    public sealed record Entry(string Name, Tool Definition, ToolDescriptor? Tool, ToolGroupDescriptor? Group)
    {
        /// <summary>The servers' tools the entry may call.</summary>
        public IEnumerable<ToolDescriptor> Members => Group?.Members.Select(member => member.Tool) ?? [Tool!];
    }
}
