using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// A tool's behaviour hints with MCP's defaults filled in (not read-only, destructive, not idempotent, open-world), so
/// that a server declaring a default and one omitting it compare equal. Destruction and idempotence mean something
/// only for a tool that is not read-only: a read-only tool is taken as non-destructive and idempotent.
/// </summary>
internal sealed record EffectiveHints(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld)
{
    public static EffectiveHints Of(ToolHintsSpec hints)
    {
        var readOnly = hints.ReadOnly ?? false;
        return new EffectiveHints(
            readOnly,
            !readOnly && (hints.Destructive ?? true),
            readOnly || (hints.Idempotent ?? false),
            hints.OpenWorld ?? true);
    }

    /// <summary>The weakest guarantees of several tools, which a merged method documents.</summary>
    public static ToolHintsSpec Weakest(IEnumerable<ToolHintsSpec> all)
    {
        var hints = all.Select(Of).ToList();
        return new ToolHintsSpec(
            hints.All(h => h.ReadOnly),
            hints.Any(h => h.Destructive),
            hints.All(h => h.Idempotent),
            hints.Any(h => h.OpenWorld));
    }
}
