using System.Collections.Immutable;
using McpFleet.Registry;

namespace McpFleet.Calls;

/// <summary>
/// What a call is addressed to — one server's tool (reaching its replicas too) or a unified tool — with its settings and
/// its candidates: the instances in the fleet now, each with the tool it would run. The candidates are rebuilt only when
/// the fleet's membership changes, not per call.
/// </summary>
internal sealed class CallTarget
{
    private Resolved? _candidates;

    private CallTarget(string toolName, string serverName, ToolDescriptor? tool, ToolGroupDescriptor? group, CallSettings settings)
    {
        ToolName = toolName;
        ServerName = serverName;
        Tool = tool;
        Group = group;
        Settings = settings;
    }

    public string ToolName { get; }

    /// <summary>The logical server, or for a unified tool its name.</summary>
    public string ServerName { get; }

    /// <summary>The unified tool's name, for calls through a unified method.</summary>
    public string? GroupName => Group?.ToolName;

    public ToolDescriptor? Tool { get; }

    public ToolGroupDescriptor? Group { get; }

    public CallSettings Settings { get; }

    public static CallTarget For(ToolDescriptor tool, CallSettings settings) => new(tool.ToolName, tool.ServerName, tool, null, settings);

    public static CallTarget For(ToolGroupDescriptor group, CallSettings settings) => new(group.ToolName, group.ToolName, null, group, settings);

    /// <summary>One target of a fan-out: exactly this instance, as if named alone.</summary>
    public static CallTarget Single(CallCandidate candidate, CallSettings settings) =>
        new(candidate.Tool.ToolName, candidate.Tool.ServerName, candidate.Tool, null, settings) { _candidates = new(null, [candidate]) };

    /// <summary>The instances that can take the call now, leaving out those whose drift verdict blocks the tool while
    /// another can take it (when all are blocked they stay, so the call is refused with the reason).</summary>
    public CallCandidate[] Candidates(ServerRegistry registry)
    {
        var membership = registry.Current;
        if (Volatile.Read(ref _candidates) is not { } cached || (cached.Membership is not null && !ReferenceEquals(cached.Membership, membership)))
        {
            cached = new(membership, Resolve(membership));
            Volatile.Write(ref _candidates, cached);
        }

        var candidates = cached.Candidates;
        var blocked = 0;
        foreach (var candidate in candidates)
        {
            blocked += candidate.Entry.Drift.IsBlocked(candidate.Tool.ToolName) ? 1 : 0;
        }

        return blocked == 0 || blocked == candidates.Length ? candidates : [.. candidates.Where(c => !c.Entry.Drift.IsBlocked(c.Tool.ToolName))];
    }

    /// <summary>The candidates of one membership (none: fixed, for a fan-out's target).</summary>
    private sealed record Resolved(ServerRegistry.Snapshot? Membership, CallCandidate[] Candidates);

    private CallCandidate[] Resolve(ServerRegistry.Snapshot membership)
    {
        if (Tool is not null)
        {
            // A replica named on its own is targeted alone; a server's name reaches it and its replicas.
            ImmutableArray<ServerEntry> instances = membership.Find(Tool.ServerName) is { Definition.ReplicaOf: not null } replica ? [replica] : membership.InstancesOf(Tool.ServerName);
            return [.. instances.Select(entry => new CallCandidate(entry, Tool, null))];
        }

        return [.. Group!.Members.SelectMany(member => membership.InstancesOf(member.Tool.ServerName).Select(entry => new CallCandidate(entry, member.Tool, member.AcceptedArguments)))];
    }
}
