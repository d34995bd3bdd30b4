using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Finds the tool names (and prompts and resources) that several servers share, classifies them, applies the policy,
/// names the unified methods, and says what it decided: diagnostics, and the lines of the conflict report.
/// </summary>
internal sealed class ConflictResolver
{
    private readonly IReadOnlyList<(ServerSpec Server, FleetServerSpec Placement)> _servers;
    private readonly string _fleetNamespace;
    private readonly FleetPolicy _policy;
    private readonly NameAllocator _namespaceNames;
    private readonly List<DiagnosticInfo> _diagnostics;

    /// <param name="servers">The fleet's servers with their places, in ordinal order of their names.</param>
    /// <param name="fleetNamespace">The fleet's namespace, where merged argument records go.</param>
    /// <param name="policy">The conflict policy.</param>
    /// <param name="namespaceNames">The names already taken in the fleet's namespace (the fleet class, the servers' namespaces).</param>
    /// <param name="diagnostics">Receives what is found.</param>
    public ConflictResolver(
        IReadOnlyList<(ServerSpec Server, FleetServerSpec Placement)> servers,
        string fleetNamespace,
        FleetPolicy policy,
        NameAllocator namespaceNames,
        List<DiagnosticInfo> diagnostics)
    {
        _servers = servers;
        _fleetNamespace = fleetNamespace;
        _policy = policy;
        _namespaceNames = namespaceNames;
        _diagnostics = diagnostics;
    }

    /// <param name="fleetMembers">The fleet class's members, with who owns them: unified methods must not take their names.</param>
    public (EquatableArray<UnifiedToolSpec> Groups, ConflictReportSpec Report) Resolve(IReadOnlyList<(string Name, string Owner)> fleetMembers)
    {
        var shared = _servers
            .SelectMany(s => s.Server.Tools.Select(tool => new ServerTool(s.Server, s.Placement, tool)))
            .GroupBy(entry => entry.Tool.WireName, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => SharedTool.Classify(group.Key, group.OrderBy(e => e.Name, StringComparer.Ordinal).ToList()))
            .ToList();

        var resolver = new ToolGroupResolver(_policy, _servers.Select(s => s.Server));
        var decisions = shared.Select(resolver.Decide).ToList();
        CheckPolicyReferences(shared);

        var methodNames = MethodNames(fleetMembers);
        var groups = new List<UnifiedToolSpec>();
        var lines = new List<string>();
        foreach (var decision in decisions)
        {
            var group = decision.Resolution is null ? null : Unify(decision, methodNames);
            if (group is not null)
            {
                groups.Add(group);
            }

            Report(decision, group);
            lines.Add(Line(decision, group));
        }

        ReportVersionProblems(resolver);
        var (catalogCount, catalogLines) = CatalogConflicts.Detect(_servers.Select(s => s.Server).ToList(), _diagnostics);
        lines.AddRange(catalogLines);
        var report = new ConflictReportSpec(_servers.Count, shared.Count, catalogCount, PolicySummary(), lines.ToEquatableArray());
        return (groups.ToEquatableArray(), report);
    }

    /// <summary>
    /// The unified methods' names: <c>{Identifier}Async</c> and its fan-out <c>{Identifier}FanOutAsync</c> in the fleet
    /// class, <c>{Identifier}</c> in its nested <c>Groups</c>. A fleet member ending in <c>Async</c> (<c>DisposeAsync</c>,
    /// a server's property) takes its stem.
    /// </summary>
    private static NameAllocator MethodNames(IReadOnlyList<(string Name, string Owner)> fleetMembers)
    {
        var names = new NameAllocator();
        names.Reserve("Groups", "the fleet's nested class Groups");
        ReservedNames.ReserveObjectMembers(names);
        foreach (var (name, owner) in fleetMembers.Where(m => m.Name.Length > "Async".Length && m.Name.EndsWith("Async", StringComparison.Ordinal)))
        {
            names.Reserve(name.Substring(0, name.Length - "Async".Length), owner);
        }

        return names;
    }

    private UnifiedToolSpec Unify(GroupDecision decision, NameAllocator methodNames)
    {
        var shared = decision.Shared;
        var candidate = Identifiers.ToPascal(shared.WireName, "Tool").Name;
        var identifier = methodNames.Allocate(
            candidate, $"the unified method for tool '{shared.WireName}'", "FanOut", $"the fan-out method of tool '{shared.WireName}'", out var taken, out var takenBy);
        if (takenBy is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(DiagnosticDescriptors.UnifiedNameTaken, shared.Anchor, shared.WireName, identifier + "Async", taken + "Async", takenBy));
        }

        var winner = decision.Members[0];
        var arguments = winner.Tool.Arguments;
        var argumentsNamespace = winner.Placement.Namespace;
        var members = decision.Members.Select(m => m.ToMember()).ToList();
        var hints = winner.Tool.Hints;
        if (decision.Merged is { } merged)
        {
            arguments = MergedRecord(shared, identifier, merged);
            argumentsNamespace = _fleetNamespace;
            members = decision.Members.Select((m, i) => m.ToMember(merged.Accepted[i])).ToList();
            hints = EffectiveHints.Weakest(decision.Members.Select(m => m.Tool.Hints));
        }

        return new UnifiedToolSpec(
            shared.WireName,
            identifier,
            decision.Resolution!.Value,
            decision.Rule?.Describe(),
            members.ToEquatableArray(),
            decision.Excluded.Select(e => e.Name).ToEquatableArray(),
            winner.Tool.Title,
            winner.Tool.Description,
            hints,
            arguments,
            argumentsNamespace,
            winner.Tool.ResultKind,
            winner.Tool.Result?.Name,
            winner.Placement.Namespace);
    }

    private RecordSpec MergedRecord(SharedTool shared, string identifier, MergedArguments merged)
    {
        var candidate = identifier + "MergedArguments";
        var name = _namespaceNames.Allocate(candidate, $"the merged arguments of tool '{shared.WireName}'", out var takenBy);
        var subject = $"the merged arguments of tool '{shared.WireName}'";
        if (takenBy is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(DiagnosticDescriptors.IdentifierRenamed, shared.Anchor, subject, name, $"'{candidate}' is already used by {takenBy}"));
        }

        var (properties, renames) = MergedArgumentsBuilder.Name(merged, name);
        foreach (var (wireName, propertyName, reason) in renames)
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(DiagnosticDescriptors.IdentifierRenamed, shared.Anchor, $"property '{wireName}' of {subject}", propertyName, reason));
        }

        return new RecordSpec(name, RecordKind.Arguments, "inputSchema", null, properties.ToEquatableArray());
    }

    /// <summary>One diagnostic per shared tool: information when it is settled, else the class's warning or error, or why the rule failed.</summary>
    private void Report(GroupDecision decision, UnifiedToolSpec? group)
    {
        var shared = decision.Shared;
        if (decision.Failure is { } failure)
        {
            _diagnostics.Add(failure);
        }
        else if (group is not null || decision.IsNamespaceOnly)
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(DiagnosticDescriptors.SharedTool, shared.Anchor, shared.WireName, shared.Servers, Settled(decision, group)));
        }
        else if (!decision.HasVersionFailure)
        {
            var differences = string.Join("; ", shared.Differences.Select(d => d.Text));
            var typical = shared.Typical.Name;
            if (shared.Class == SharingClass.Skew)
            {
                // Versions that differ and can be ordered suggest newest-version; otherwise a server has to be named.
                var byVersion = shared.Entries.All(e => SemanticVersion.Parse(e.Version) is not null)
                    && shared.Entries.Select(e => e.Version).Distinct(StringComparer.Ordinal).Count() > 1;
                var suggestion = byVersion ? ConflictText.Rule(shared.WireName, "newest-version") : ConflictText.Rule(shared.WireName, "prefer", typical);
                _diagnostics.Add(DiagnosticInfo.Anchored(DiagnosticDescriptors.ToolVersionSkew, shared.Anchor, shared.WireName, shared.Servers, differences, suggestion));
            }
            else
            {
                _diagnostics.Add(DiagnosticInfo.Anchored(
                    DiagnosticDescriptors.ToolConflict,
                    shared.Anchor,
                    shared.WireName,
                    shared.Servers,
                    differences,
                    ConflictText.Rule(shared.WireName, "prefer", typical),
                    ConflictText.Rule(shared.WireName, "namespace-only")));
            }
        }
    }

    private static string Settled(GroupDecision decision, UnifiedToolSpec? group)
    {
        if (group is null)
        {
            return $"resolved by {decision.RuleDescription}: only the per-server methods are generated";
        }

        var targets = ConflictText.List(group.Members.Select(m => $"'{m.ServerName}'").ToList());
        return decision.Rule is null
            ? $"identical definitions, so fleet.{group.MethodName} routes among {targets}"
            : $"resolved by {decision.RuleDescription}, so fleet.{group.MethodName} {(group.Members.Count == 1 ? "calls" : "routes among")} {targets}";
    }

    /// <summary>The report's line for a shared tool: class, servers, differences, decision.</summary>
    private static string Line(GroupDecision decision, UnifiedToolSpec? group)
    {
        var shared = decision.Shared;
        var servers = string.Join(", ", shared.Entries.Select(e => e.Version is null ? e.Name : $"{e.Name} {e.Version}"));
        var details = shared.Class == SharingClass.Replicas ? "identical" : string.Join("; ", shared.Differences.Select(d => d.Text));
        var head = $"[{shared.Class.ToString().ToLowerInvariant()}] {shared.WireName}: {servers} ({details}) -> ";
        if (decision.Failure is { } failure)
        {
            return head + $"UNRESOLVED: {decision.RuleDescription} cannot be applied: error {failure.Descriptor.Id}.";
        }

        if (decision.HasVersionFailure)
        {
            return head + $"UNRESOLVED: {decision.RuleDescription} cannot order versions that are not semantic: error MCPF0113.";
        }

        if (decision.IsNamespaceOnly)
        {
            return head + $"resolved by {decision.RuleDescription}: per-server methods only ({string.Join(", ", shared.Entries.Select(e => e.Method))}).";
        }

        if (group is null)
        {
            return head + (shared.Class == SharingClass.Skew
                ? "UNRESOLVED: warning MCPF0102, no unified method."
                : "UNRESOLVED: error MCPF0103.");
        }

        var members = string.Join(", ", group.Members.Select(m => m.ServerName));
        var routing = group.Members.Count == 1 ? $"fleet.{group.MethodName} targets {members}" : $"fleet.{group.MethodName} routes among {members}";
        if (group.Resolution == GroupResolution.Merge)
        {
            routing = $"fleet.{group.MethodName} takes the union of the parameters ({string.Join(", ", group.Arguments.Properties.Select(p => p.WireName))}) and routes among {members}";
        }

        var excluded = decision.Excluded.ToList();
        var rest = excluded.Count == 0 ? "." : $"; {string.Join(", ", excluded.Select(e => e.Method))} only through {(excluded.Count == 1 ? "its own method" : "their own methods")}.";
        return decision.Rule is null ? head + routing + rest : head + $"resolved by {decision.RuleDescription} -> " + routing + rest;
    }

    /// <summary>Rules and priorities that name tools the servers do not share, or servers the fleet does not have, do nothing: say so.</summary>
    private void CheckPolicyReferences(List<SharedTool> shared)
    {
        // Without servers there is no fleet for the policy to apply to, and nothing is generated.
        if (_servers.Count == 0)
        {
            return;
        }

        var sharedNames = new HashSet<string>(shared.Select(s => s.WireName), StringComparer.Ordinal);
        var serverNames = new HashSet<string>(_servers.Select(s => s.Server.Name), StringComparer.Ordinal);
        foreach (var rule in _policy.ToolRules.Where(rule => !sharedNames.Contains(rule.ToolName!)))
        {
            var offering = _servers.Where(s => s.Server.Tools.Any(t => t.WireName == rule.ToolName)).Select(s => s.Server.Name).ToList();
            var why = offering.Count == 0 ? $"no server offers tool '{rule.ToolName}'" : $"only '{offering[0]}' offers tool '{rule.ToolName}', so there is nothing to resolve";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PolicyRuleUnused, rule.Location, rule.Origin, $"the rule for tool '{rule.ToolName}'", why));
        }

        foreach (var priority in _policy.Priorities.Where(p => !serverNames.Contains(p.ServerName)))
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PolicyRuleUnused, priority.Location, priority.Origin, $"the priority of server '{priority.ServerName}'", $"no server of the fleet is named '{priority.ServerName}'"));
        }

        if (_policy.Default is { Server: { } preferred } defaultRule && !serverNames.Contains(preferred))
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PolicyRuleUnused, defaultRule.ServerLocation ?? defaultRule.Location, defaultRule.Origin, $"the default strategy {defaultRule.Describe()}", $"no server of the fleet is named '{preferred}'"));
        }
    }

    private void ReportVersionProblems(ToolGroupResolver resolver)
    {
        foreach (var (server, tools, strategies) in resolver.VersionProblems.Values)
        {
            var version = server.Version is null ? "no version" : $"version '{server.Version}', which is not a semantic version";
            var toolList = ConflictText.List(tools.Select(t => $"'{t}'").ToList());
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.VersionNotSemantic,
                server.Server.VersionLocation,
                server.Name,
                version,
                ConflictText.List(strategies.ToList()),
                (tools.Count == 1 ? "tool " : "tools ") + toolList));
        }
    }

    private string PolicySummary()
    {
        var sources = _policy.Sources.Count == 0 ? "none" : string.Join(", ", _policy.Sources);
        var defaultRule = _policy.Default is { } rule ? rule.Describe() : "none";
        return $"{sources}; default strategy: {defaultRule}; {_policy.ToolRules.Count} tool rule{(_policy.ToolRules.Count == 1 ? "" : "s")}";
    }
}
