using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Finds the tool names (and prompts and resources) that several servers share, sorts the servers into replica groups
/// (<see cref="ReplicaGroups"/>), classifies each name within and across them, applies the policy, names the unified
/// methods, and says what it decided: diagnostics, and the lines of the conflict report.
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
        var groups = ReplicaGroups.Resolve(_servers.Select(s => s.Server).ToList(), _policy, _diagnostics);
        var offers = _servers
            .SelectMany(s => s.Server.Tools.Select(tool => new ServerTool(s.Server, s.Placement, groups[s.Server.Name], tool)))
            .GroupBy(entry => entry.Tool.WireName, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new ToolOffer(group.Key, group.OrderBy(e => e.Name, StringComparer.Ordinal).ToList()))
            .ToList();

        var resolver = new ToolGroupResolver(_policy, _servers.Select(s => s.Server));
        var decisions = offers.Select(resolver.Decide).ToList();
        CheckPolicyReferences(offers);

        var methodNames = MethodNames(fleetMembers);
        var unified = new List<UnifiedToolSpec>();
        var lines = new List<string>();
        foreach (var decision in decisions)
        {
            var group = decision.Resolution is null ? null : Unify(decision, methodNames);
            if (group is not null)
            {
                unified.Add(group);
                CheckDescriptions(decision, group);
            }

            var problems = Report(decision, group);
            lines.Add(Line(decision, group, problems));
        }

        ReportVersionProblems(resolver);
        var (catalogCount, catalogLines) = CatalogConflicts.Detect(_servers.Select(s => s.Server).ToList(), groups, _diagnostics);
        lines.AddRange(catalogLines);
        var report = new ConflictReportSpec(_servers.Count, offers.Count, catalogCount, PolicySummary(), GroupSummary(groups), lines.ToEquatableArray());
        return (unified.ToEquatableArray(), report);
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

        var products = decision.Members.Select(m => m.Group).Distinct().ToList();
        var excluded = decision.Excluded.ToList();
        return new UnifiedToolSpec(
            shared.WireName,
            identifier,
            decision.Resolution!.Value,
            decision.IsImplicitNewest ? "newest-version, the default for one product's versions" : decision.Rule?.Describe(),
            members.ToEquatableArray(),
            excluded.Where(e => products.Contains(e.Group)).Select(e => e.Name).ToEquatableArray(),
            winner.Tool.Title,
            winner.Tool.Description,
            hints,
            arguments,
            argumentsNamespace,
            winner.Tool.ResultKind,
            winner.Tool.Result?.Name,
            winner.Placement.Namespace,
            excluded.Where(e => !products.Contains(e.Group)).Select(e => e.Name).ToEquatableArray(),
            products.Count > 1 ? products.Select(p => p.Label).ToEquatableArray() : EquatableArray<string>.Empty);
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

    /// <summary>
    /// The diagnostics of a shared tool: information when it is settled, else the class's warning or error, or why the
    /// rule failed; for a tool of different products, the information, each product's own disagreements and copies
    /// that shadow a product's replicated tool.
    /// </summary>
    /// <returns>What stays unresolved, for the report: e.g. <c>error MCPF0103 (product 'a')</c>.</returns>
    private List<string> Report(GroupDecision decision, UnifiedToolSpec? group)
    {
        var shared = decision.Shared;
        var problems = new List<string>();
        if (decision.Failure is { } failure)
        {
            _diagnostics.Add(failure);
        }
        else if (decision.IsSeparate)
        {
            ReportSeparate(decision.Offer, problems);
        }
        else if (decision.IsImplicitNewest)
        {
            var newest = decision.Members[0];
            var routing = decision.Members.Count == 1
                ? $"targets {newest.Reference}"
                : $"routes among {ConflictText.List(decision.Members.Select(m => m.Reference).ToList())}, newest first";
            _diagnostics.Add(DiagnosticInfo.Anchored(
                DiagnosticDescriptors.ToolVersionSkew,
                shared.Anchor,
                shared.WireName,
                shared.Servers,
                Differences(shared),
                $"fleet.{group!.MethodName} follows the newest version and {routing}; to keep that and silence this warning, add to \"tools\" in mcpfleet.json: {ConflictText.Rule(shared.WireName, "newest-version")}"));
        }
        else if (group is not null || decision.IsNamespaceOnly)
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(DiagnosticDescriptors.SharedTool, shared.Anchor, shared.WireName, shared.Servers, Settled(decision, group)));
        }
        else if (!decision.HasVersionFailure)
        {
            ReportDisagreement(shared, problems, null);
        }

        return problems;
    }

    /// <summary>
    /// A tool that different products offer, without a rule: information, and for each product whose own servers
    /// disagree the class's warning or error (the servers of one product must agree, unified or not). A server that
    /// offers exactly the tool (definition and version) that another product's servers share as replicas shadows it:
    /// either it is a replica reporting another name, or a copy posing as one, and the build must not guess which.
    /// </summary>
    private void ReportSeparate(ToolOffer offer, List<string> problems)
    {
        var wireName = offer.WireName;
        var largest = offer.Groups.OrderByDescending(g => g.Entries.Count).First();
        _diagnostics.Add(DiagnosticInfo.Anchored(
            DiagnosticDescriptors.ToolOfDifferentProducts,
            new SnapshotAnchor(offer.Groups[offer.Groups.Count - 1].Entries[0].Server.FilePath, wireName),
            wireName,
            offer.Products,
            ConflictText.Rule(wireName, "prefer", largest.Entries[0].Name),
            ConflictText.Rule(wireName, "merge")));

        var replicated = new List<GroupOffer>();
        foreach (var groupOffer in offer.Groups.Where(g => g.Shared is not null))
        {
            var shared = groupOffer.Shared!;
            if (shared.Class == SharingClass.Replicas)
            {
                replicated.Add(groupOffer);
            }
            else if (shared.Class == SharingClass.Conflict || _policy.Default is null)
            {
                // A default rule that decides one product's versions (a version strategy) settles its skew.
                ReportDisagreement(shared, problems, groupOffer.Group);
            }
        }

        // One error per product whose servers copy another product's replicated tool, naming the first such product.
        foreach (var product in offer.Groups)
        {
            var copied = replicated.FirstOrDefault(r => r.Group != product.Group && product.Entries.Any(e => IsCopy(e, r)));
            if (copied is null)
            {
                continue;
            }

            var copies = product.Entries.Where(e => IsCopy(e, copied)).ToList();
            var one = copies.Count == 1;
            var replica = copied.Entries[0];
            _diagnostics.Add(DiagnosticInfo.Anchored(
                DiagnosticDescriptors.ToolShadowed,
                new SnapshotAnchor(copies[0].Server.FilePath, wireName),
                $"{(one ? "Server" : "Servers")} {ConflictText.List(copies.Select(c => c.Reference).ToList())} {(one ? "offers" : "offer")}",
                wireName,
                copied.Group.Describe(),
                copied.Shared!.Servers,
                $"{(one ? "reports" : "report")} {product.Group.Describe()}",
                one ? "it is a replica" : "they are replicas",
                replica.Name,
                Identifiers.ToPascal(wireName, "Tool").Name + "Async",
                ConflictText.Rule(wireName, "prefer", replica.Name)));
            problems.Add($"error MCPF0116 ({ConflictText.List(copies.Select(c => $"'{c.Name}'").ToList())} {(one ? "copies" : "copy")} the tool of {copied.Group.Describe()})");
        }
    }

    /// <summary>Whether a server offers exactly the tool, definition and version, that a product's replicas share.</summary>
    private static bool IsCopy(ServerTool entry, GroupOffer replicas) =>
        entry.DefinitionKey == replicas.Entries[0].DefinitionKey && entry.Version == replicas.Entries[0].Version;

    /// <summary>The warning or error for servers of one product that define the tool differently and no rule resolves.</summary>
    private void ReportDisagreement(SharedTool shared, List<string> problems, ReplicaGroup? product)
    {
        var typical = shared.Typical.Name;
        var of = product is null ? "" : $" ({product.Describe()})";
        if (shared.Class == SharingClass.Skew)
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(
                DiagnosticDescriptors.ToolVersionSkew,
                shared.Anchor,
                shared.WireName,
                shared.Servers,
                Differences(shared),
                $"It gets no unified method until a rule says which definition to use; add to \"tools\" in mcpfleet.json: {ConflictText.Rule(shared.WireName, "prefer", typical)}"));
            problems.Add($"warning MCPF0102{of}");
        }
        else
        {
            _diagnostics.Add(DiagnosticInfo.Anchored(
                DiagnosticDescriptors.ToolConflict,
                shared.Anchor,
                shared.WireName,
                shared.Servers,
                Differences(shared),
                ConflictText.Rule(shared.WireName, "prefer", typical),
                ConflictText.Rule(shared.WireName, "namespace-only")));
            problems.Add($"error MCPF0103{of}");
        }
    }

    /// <summary>
    /// Servers of one product whose descriptions of a unified tool differ (whitespace aside) get a warning: replicas
    /// describe a tool alike, and a description is text a model reads. The docs use the first member's.
    /// </summary>
    private void CheckDescriptions(GroupDecision decision, UnifiedToolSpec group)
    {
        foreach (var product in decision.Members.GroupBy(m => m.Group).Select(g => g.ToList()).Where(g => g.Count > 1))
        {
            var first = product[0];
            var differing = product.Skip(1).Where(m => NormalizedDescription(m) != NormalizedDescription(first)).ToList();
            if (differing.Count == 0)
            {
                continue;
            }

            _diagnostics.Add(DiagnosticInfo.Anchored(
                DiagnosticDescriptors.ReplicaDescriptionsDiffer,
                new SnapshotAnchor(differing[0].Server.FilePath, group.WireName),
                group.WireName,
                ConflictText.List(differing.Select(m => m.Reference).ToList()),
                first.Reference,
                first.Group.Describe(),
                group.MethodName,
                decision.Members[0].Reference));
        }
    }

    private static string NormalizedDescription(ServerTool member) =>
        string.Join(" ", (member.Tool.Description ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Differences(SharedTool shared) => string.Join("; ", shared.Differences.Select(d => d.Text));

    private static string Settled(GroupDecision decision, UnifiedToolSpec? group)
    {
        if (group is null)
        {
            return $"resolved by {decision.RuleDescription}: only the per-server methods are generated";
        }

        var targets = ConflictText.List(group.Members.Select(m => $"'{m.ServerName}'").ToList());
        var settled = decision.Rule is null
            ? $"identical definitions, so fleet.{group.MethodName} routes among {targets}"
            : $"resolved by {decision.RuleDescription}, so fleet.{group.MethodName} {(group.Members.Count == 1 ? "calls" : "routes among")} {targets}";
        if (decision.Offer.IsCrossProduct)
        {
            var products = decision.Members.Select(m => m.Group).Distinct().ToList();
            var others = decision.Offer.Groups.Select(g => g.Group).Where(g => !products.Contains(g)).ToList();
            settled += products.Count > 1
                ? $", joining {ConflictText.List(products.Select(p => p.Describe()).ToList())}"
                : $" of {products[0].Describe()}";
            if (others.Count > 0)
            {
                settled += $"; {ConflictText.List(others.Select(p => p.Describe()).ToList())} {(others.Count == 1 ? "keeps its" : "keep their")} own methods only";
            }
        }

        return settled;
    }

    /// <summary>The report's line for a shared tool: class, servers, differences, decision.</summary>
    private static string Line(GroupDecision decision, UnifiedToolSpec? group, List<string> problems)
    {
        var shared = decision.Shared;
        var head = decision.Offer.IsCrossProduct
            ? $"[products] {shared.WireName}: {string.Join("; ", decision.Offer.Groups.Select(g => $"{g.Group.Label}: {Servers(g.Entries)}"))} -> "
            : $"[{shared.Class.ToString().ToLowerInvariant()}] {shared.WireName}: {Servers(shared.Entries)} ({(shared.Class == SharingClass.Replicas ? "identical" : Differences(shared))}) -> ";
        if (decision.Failure is { } failure)
        {
            return head + $"UNRESOLVED: {decision.RuleDescription} cannot be applied: error {failure.Descriptor.Id}.";
        }

        if (decision.HasVersionFailure)
        {
            return head + $"UNRESOLVED: {decision.RuleDescription} cannot order versions that are not semantic: error MCPF0113.";
        }

        if (decision.IsSeparate)
        {
            var separate = $"different products, no unified method; per-server methods ({string.Join(", ", shared.Entries.Select(e => e.Method))})";
            return head + separate + (problems.Count == 0 ? "." : $"; UNRESOLVED: {string.Join(", ", problems)}.");
        }

        if (decision.IsNamespaceOnly)
        {
            return head + $"resolved by {decision.RuleDescription}: per-server methods only ({string.Join(", ", shared.Entries.Select(e => e.Method))}).";
        }

        if (group is null)
        {
            return head + (shared.Class == SharingClass.Skew ? "UNRESOLVED: warning MCPF0102, no unified method." : "UNRESOLVED: error MCPF0103.");
        }

        var members = string.Join(", ", group.Members.Select(m => m.ServerName));
        var routing = group.Members.Count == 1 ? $"fleet.{group.MethodName} targets {members}" : $"fleet.{group.MethodName} routes among {members}";
        if (group.Resolution == GroupResolution.Merge)
        {
            routing = $"fleet.{group.MethodName} takes the union of the parameters ({string.Join(", ", group.Arguments.Properties.Select(p => p.WireName))}) and routes among {members}";
        }

        if (group.JoinedProducts.Count > 0)
        {
            routing += $", joining products {string.Join(", ", group.JoinedProducts)}";
        }

        var excluded = decision.Excluded.ToList();
        var rest = excluded.Count == 0 ? "." : $"; {string.Join(", ", excluded.Select(e => e.Method))} only through {(excluded.Count == 1 ? "its own method" : "their own methods")}.";
        if (decision.IsImplicitNewest)
        {
            return head + "newest version first, the default for one product's versions (warning MCPF0102) -> " + routing + rest;
        }

        return decision.Rule is null ? head + routing + rest : head + $"resolved by {decision.RuleDescription} -> " + routing + rest;
    }

    /// <summary><c>alpha 1.0.0, beta 2.0.0</c>.</summary>
    private static string Servers(IEnumerable<ServerTool> entries) => string.Join(", ", entries.Select(e => e.Version is null ? e.Name : $"{e.Name} {e.Version}"));

    /// <summary>The replica groups of more than one server, for the report.</summary>
    private static string GroupSummary(Dictionary<string, ReplicaGroup> groups) =>
        string.Join("; ", groups.Values.Distinct().Where(g => g.Servers.Count > 1).OrderBy(g => g.Servers[0], StringComparer.Ordinal)
            .Select(g => $"{g.Label}: {string.Join(", ", g.Servers)}{(g.IsDeclared ? " (replicaOf)" : "")}"));

    /// <summary>Rules and priorities that name tools the servers do not share, or servers the fleet does not have, do nothing: say so.</summary>
    private void CheckPolicyReferences(List<ToolOffer> offers)
    {
        // Without servers there is no fleet for the policy to apply to, and nothing is generated.
        if (_servers.Count == 0)
        {
            return;
        }

        var sharedNames = new HashSet<string>(offers.Select(s => s.WireName), StringComparer.Ordinal);
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
