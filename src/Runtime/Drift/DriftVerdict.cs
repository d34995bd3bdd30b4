using System.Collections.Frozen;
using McpFleet.Tools;

namespace McpFleet.Drift;

/// <summary>The outcome of one drift check of a server: its changes, their actions, and what is refused.</summary>
internal sealed class DriftVerdict
{
    private readonly FrozenSet<string> _blockedTools;

    private DriftVerdict(IReadOnlyList<DriftDecision> decisions, FrozenSet<string> blockedTools, bool isServerBlocked)
    {
        Decisions = decisions;
        _blockedTools = blockedTools;
        IsServerBlocked = isServerBlocked;
    }

    /// <summary>No drift, nothing refused: a server before its first check, or one that matches its snapshot.</summary>
    public static DriftVerdict None { get; } = new([], FrozenSet<string>.Empty, isServerBlocked: false);

    public IReadOnlyList<DriftDecision> Decisions { get; }

    public bool IsServerBlocked { get; }

    public bool HasDrift => Decisions.Count > 0;

    /// <summary>The tools refused on their own, in ordinal order.</summary>
    public IReadOnlyList<string> BlockedTools => [.. _blockedTools.Order(StringComparer.Ordinal)];

    /// <summary>Applies a server's policy to the changes a check found.</summary>
    public static DriftVerdict Decide(IReadOnlyList<DriftChange> changes, DriftPolicy policy)
    {
        if (changes.Count == 0)
        {
            return None;
        }

        var decisions = changes.Select(change => new DriftDecision(change, policy.ActionFor(change.Class))).ToArray();
        var blocked = decisions.Where(d => d.Action == DriftAction.Block).Select(d => d.Change.ToolName).ToFrozenSet(StringComparer.Ordinal);
        return new DriftVerdict(decisions, blocked, isServerBlocked: blocked.Count > 0 && policy.BlockScope == DriftBlockScope.Server);
    }

    public bool IsBlocked(string toolName) => IsServerBlocked || _blockedTools.Contains(toolName);

    /// <summary>Whether this check found the same changes, with the same actions, as <paramref name="other"/>.</summary>
    public bool SameAs(DriftVerdict other) => IsServerBlocked == other.IsServerBlocked && Decisions.SequenceEqual(other.Decisions);

    /// <summary>Refuses a call of a blocked tool.</summary>
    /// <param name="tool">The tool about to be called.</param>
    /// <param name="instanceName">The server instance the call would go to (a replica's own name).</param>
    /// <exception cref="ToolBlockedException">The tool, or its whole server, is blocked.</exception>
    public void ThrowIfBlocked(ToolDescriptor tool, string instanceName)
    {
        if (!IsBlocked(tool.ToolName))
        {
            return;
        }

        var reasons = Decisions
            .Where(d => d.Action == DriftAction.Block && (IsServerBlocked || d.Change.ToolName == tool.ToolName))
            .Select(d => d.Change)
            .ToArray();
        throw new ToolBlockedException(tool, instanceName, reasons, IsServerBlocked);
    }
}
