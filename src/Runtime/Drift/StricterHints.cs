using System.Collections.Frozen;
using System.Text.Json;

namespace McpFleet.Drift;

/// <summary>
/// The hints to act on for a tool: the stricter of what its snapshot and its live definition declare, so a tool whose
/// live hints escalated (read-only → destructive) is treated as destructive, whatever the drift policy let through.
/// </summary>
internal static class StricterHints
{
    /// <summary>Read-only and idempotent only if both say so; destructive and open-world if either does.</summary>
    public static ToolHints Of(ToolHints snapshot, ToolHints live) => new(
        ReadOnly: snapshot.IsReadOnly && live.IsReadOnly,
        Destructive: snapshot.IsDestructive || live.IsDestructive,
        Idempotent: snapshot.IsIdempotent && live.IsIdempotent,
        OpenWorld: snapshot.IsOpenWorld || live.IsOpenWorld);

    /// <summary>The hints each live tool declares, by name, from its <c>annotations</c>.</summary>
    public static FrozenDictionary<string, ToolHints> ByName(IReadOnlyList<JsonElement> liveTools)
    {
        var hints = new Dictionary<string, ToolHints>(StringComparer.Ordinal);
        foreach (var tool in liveTools)
        {
            if (tool.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                var annotations = tool.TryGetProperty("annotations", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
                hints[name.GetString()!] = new ToolHints(
                    Hint(annotations, "readOnlyHint"), Hint(annotations, "destructiveHint"), Hint(annotations, "idempotentHint"), Hint(annotations, "openWorldHint"));
            }
        }

        return hints.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool? Hint(JsonElement annotations, string name) =>
        annotations.ValueKind == JsonValueKind.Object && annotations.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
