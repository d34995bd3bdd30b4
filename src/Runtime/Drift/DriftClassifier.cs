using System.Text.Json;

namespace McpFleet.Drift;

/// <summary>
/// Compares the tools of a snapshot with a server's live tools: a tool whose <see cref="ToolFingerprint"/> is unchanged
/// has no changes; the others are compared field by field (<see cref="ToolDefinitionComparer"/>).
/// </summary>
internal static class DriftClassifier
{
    /// <summary>The changes, ordered by tool name (ordinal) and kind; changes of one kind keep the order in which the
    /// definition is compared (parameters in ordinal order), so the result is deterministic.</summary>
    /// <param name="snapshotTools">The snapshot's <c>tools</c> entries.</param>
    /// <param name="liveTools">The server's <c>tools/list</c> entries now.</param>
    public static IReadOnlyList<DriftChange> Compare(IEnumerable<JsonElement> snapshotTools, IEnumerable<JsonElement> liveTools)
    {
        var snapshot = ByName(snapshotTools);
        var live = ByName(liveTools);
        var changes = new List<DriftChange>();
        foreach (var (name, captured) in snapshot)
        {
            if (!live.TryGetValue(name, out var current))
            {
                changes.Add(new DriftChange(name, DriftChangeKind.ToolRemoved, "tool removed"));
            }
            else if (ToolFingerprint.Compute(captured) != ToolFingerprint.Compute(current))
            {
                ToolDefinitionComparer.Compare(name, captured, current, changes);
            }
        }

        foreach (var name in live.Keys.Where(name => !snapshot.ContainsKey(name)))
        {
            changes.Add(new DriftChange(name, DriftChangeKind.ToolAdded, "new tool, not in the snapshot (typed methods never call it)"));
        }

        return [.. changes
            .OrderBy(change => change.ToolName, StringComparer.Ordinal)
            .ThenBy(change => change.Kind)];
    }

    /// <summary>The tools by name; a nameless entry cannot be called and is ignored, a repeated name keeps its first entry.</summary>
    private static Dictionary<string, JsonElement> ByName(IEnumerable<JsonElement> tools)
    {
        var byName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                byName.TryAdd(name.GetString()!, tool);
            }
        }

        return byName;
    }
}
