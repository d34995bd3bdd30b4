using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Policy;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Applies the conflict policy to each shared tool. A tool's own rule wins over the default.
/// </summary>
/// <remarks>
/// <para>Within one replica group (one product), replicas are unified without a rule, and the default changes them
/// only when it can (<c>namespace-only</c> removes the method, <c>priority</c> and <c>prefer</c> reorder it); skew is
/// unified newest version first when the versions order the servers (with a warning), and conflicts need a rule.</para>
/// <para>A tool that different products offer gets no unified method unless a rule chooses a product (<c>prefer</c>,
/// <c>priority</c>: the winner's replicas with its definition) or joins them (<c>merge</c>). Version strategies do not
/// order different products: as the default they leave such a tool alone, as its own rule they cannot be applied.</para>
/// </remarks>
internal sealed class ToolGroupResolver
{
    private readonly FleetPolicy _policy;
    private readonly Dictionary<string, PolicyRuleSpec> _rules;
    private readonly HashSet<string> _fleetServers;
    private readonly Dictionary<string, double> _priorities;

    /// <param name="policy">The policy.</param>
    /// <param name="servers">The fleet's servers: their names and <c>Priority</c> metadata, which wins over the policy file.</param>
    public ToolGroupResolver(FleetPolicy policy, IEnumerable<ServerSpec> servers)
    {
        _policy = policy;
        _rules = policy.ToolRules.ToDictionary(rule => rule.ToolName!, StringComparer.Ordinal);
        var list = servers.ToList();
        _fleetServers = new HashSet<string>(list.Select(s => s.Name), StringComparer.Ordinal);
        _priorities = policy.Priorities.ToDictionary(p => p.ServerName, p => p.Priority, StringComparer.Ordinal);
        foreach (var server in list.Where(s => s.Priority is not null))
        {
            _priorities[server.Name] = server.Priority!.Value;
        }
    }

    /// <summary>Servers whose version a version strategy could not read, with the tools and strategies that needed it.</summary>
    public SortedDictionary<string, (ServerTool Server, SortedSet<string> Tools, SortedSet<string> Strategies)> VersionProblems { get; } = new(StringComparer.Ordinal);

    public GroupDecision Decide(ToolOffer offer)
    {
        var isDefault = !_rules.TryGetValue(offer.WireName, out var rule);
        rule ??= _policy.Default;
        return offer.IsCrossProduct ? DecideAcrossProducts(offer, rule, isDefault) : DecideWithinProduct(offer, rule, isDefault);
    }

    private GroupDecision DecideWithinProduct(ToolOffer offer, PolicyRuleSpec? rule, bool isDefault)
    {
        var shared = offer.All;
        if (rule is null)
        {
            return WithoutRule(offer);
        }

        if (shared.Class == SharingClass.Replicas && isDefault && !ChangesReplicas(shared, rule))
        {
            return GroupDecision.Unified(offer, null, false, GroupResolution.Replicas, shared.Entries);
        }

        return Apply(offer, rule, isDefault);
    }

    private GroupDecision DecideAcrossProducts(ToolOffer offer, PolicyRuleSpec? rule, bool isDefault)
    {
        if (rule is null)
        {
            return GroupDecision.Separate(offer);
        }

        if (rule.Strategy is ResolutionStrategy.NewestVersion or ResolutionStrategy.OldestVersion)
        {
            return isDefault
                ? GroupDecision.Separate(offer)
                : Fail(offer, rule, isDefault, $"its servers are different products, {offer.Products}, and versions do not order different products; choose one with prefer or priority, or join them with merge");
        }

        return Apply(offer, rule, isDefault);
    }

    /// <summary>
    /// Without a rule, one product's replicas are unified, and its skew too when the versions order the servers: the
    /// newest first, with its definition (the caller warns). Anything else waits for a rule.
    /// </summary>
    private static GroupDecision WithoutRule(ToolOffer offer)
    {
        var shared = offer.All;
        if (offer.IsCrossProduct)
        {
            return GroupDecision.Separate(offer);
        }

        if (shared.Class == SharingClass.Replicas)
        {
            return GroupDecision.Unified(offer, null, false, GroupResolution.Replicas, shared.Entries);
        }

        if (shared.Class == SharingClass.Skew && NewestFirst(shared.Entries) is { } ordered)
        {
            return GroupDecision.ImplicitNewest(offer, SameAsFirst(ordered));
        }

        return GroupDecision.Unresolved(offer);
    }

    /// <summary>The servers newest first, or <see langword="null"/> when a version is unreadable or the newest disagree.</summary>
    private static List<ServerTool>? NewestFirst(IReadOnlyList<ServerTool> entries)
    {
        var versions = entries.ToDictionary(e => e, e => SemanticVersion.Parse(e.Version));
        if (versions.Values.Any(v => v is null))
        {
            return null;
        }

        var ordered = entries.OrderByDescending(e => versions[e]!).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        var top = ordered.TakeWhile(e => versions[e]!.CompareTo(versions[ordered[0]]) == 0).ToList();
        return top.All(e => e.DefinitionKey == top[0].DefinitionKey) ? ordered : null;
    }

    /// <summary>Whether the default rule does something to a replica group (the version strategies and merge do not: replicas agree).</summary>
    private bool ChangesReplicas(SharedTool shared, PolicyRuleSpec rule) => rule.Strategy switch
    {
        ResolutionStrategy.NamespaceOnly => true,
        ResolutionStrategy.Priority => shared.Entries.Any(e => _priorities.ContainsKey(e.Name)),
        ResolutionStrategy.Prefer => shared.Entries.Any(e => e.Name == rule.Server),
        _ => false,
    };

    private GroupDecision Apply(ToolOffer offer, PolicyRuleSpec rule, bool isDefault)
    {
        var shared = offer.All;
        switch (rule.Strategy)
        {
            case ResolutionStrategy.NamespaceOnly:
                return GroupDecision.NamespaceOnly(offer, rule, isDefault);
            case ResolutionStrategy.Prefer:
                var preferred = shared.Entries.FirstOrDefault(e => e.Name == rule.Server);
                if (preferred is null)
                {
                    // A default preference simply does not apply to a tool its server lacks (an unknown server is
                    // reported once, as a rule without effect).
                    return isDefault
                        ? WithoutRule(offer)
                        : Fail(offer, rule, isDefault, _fleetServers.Contains(rule.Server!)
                            ? $"server '{rule.Server}' does not offer it (it is offered by {shared.Servers})"
                            : $"no server named '{rule.Server}' is in the fleet (tool '{shared.WireName}' is offered by {shared.Servers})");
                }

                return Winner(offer, rule, isDefault, GroupResolution.Prefer, [preferred, .. shared.Entries.Where(e => e != preferred)]);
            case ResolutionStrategy.Priority:
                if (!shared.Entries.Any(e => _priorities.ContainsKey(e.Name)))
                {
                    return Fail(offer, rule, isDefault, $"none of its servers ({string.Join(", ", shared.Entries.Select(e => $"'{e.Name}'"))}) has a priority; set one under \"servers\" in mcpfleet.json or with Priority metadata on the McpSnapshot item");
                }

                var byPriority = shared.Entries
                    .OrderByDescending(e => _priorities.ContainsKey(e.Name))
                    .ThenByDescending(e => _priorities.TryGetValue(e.Name, out var priority) ? priority : 0)
                    .ThenBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
                return Winner(offer, rule, isDefault, GroupResolution.Priority, byPriority);
            case ResolutionStrategy.NewestVersion or ResolutionStrategy.OldestVersion:
                return ByVersion(offer, rule, isDefault);
            default:
                var (merged, problem) = MergedArgumentsBuilder.Build(shared.Entries);
                if (merged is null)
                {
                    var typical = shared.Typical.Name;
                    string[] arguments = [shared.WireName, shared.Servers, problem!, ConflictText.Rule(shared.WireName, "prefer", typical)];
                    return GroupDecision.Failed(offer, rule, isDefault, rule.Location is { } at
                        ? DiagnosticInfo.Create(DiagnosticDescriptors.MergeImpossible, at, arguments)
                        : DiagnosticInfo.Anchored(DiagnosticDescriptors.MergeImpossible, shared.Anchor, arguments));
                }

                return GroupDecision.Unified(offer, rule, isDefault, GroupResolution.Merge, shared.Entries, merged);
        }
    }

    private GroupDecision ByVersion(ToolOffer offer, PolicyRuleSpec rule, bool isDefault)
    {
        var shared = offer.All;
        var newest = rule.Strategy == ResolutionStrategy.NewestVersion;
        var resolution = newest ? GroupResolution.NewestVersion : GroupResolution.OldestVersion;
        var entries = shared.Entries;
        List<ServerTool> ordered;
        List<ServerTool> top;
        if (entries.Select(e => e.Version).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            // One version everywhere: nothing to parse, and nothing to choose between different definitions with.
            ordered = [.. entries];
            top = ordered;
        }
        else
        {
            var versions = entries.ToDictionary(e => e, e => SemanticVersion.Parse(e.Version));
            var unreadable = entries.Where(e => versions[e] is null).ToList();
            if (unreadable.Count > 0)
            {
                foreach (var entry in unreadable)
                {
                    if (!VersionProblems.TryGetValue(entry.Name, out var problem))
                    {
                        VersionProblems[entry.Name] = problem = (entry, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                    }

                    problem.Tools.Add(shared.WireName);
                    problem.Strategies.Add(rule.StrategyName);
                }

                return GroupDecision.VersionFailed(offer, rule, isDefault);
            }

            var byVersion = newest ? entries.OrderByDescending(e => versions[e]!) : entries.OrderBy(e => versions[e]!);
            ordered = byVersion.ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
            top = ordered.TakeWhile(e => versions[e]!.CompareTo(versions[ordered[0]]) == 0).ToList();
        }

        // Several servers at the top version: that decides only if they agree on the definition.
        if (top.Any(e => e.DefinitionKey != top[0].DefinitionKey))
        {
            return Fail(offer, rule, isDefault, $"{ConflictText.List(top.Select(e => e.Reference).ToList())} have the {(newest ? "newest" : "oldest")} version but define it differently");
        }

        return Winner(offer, rule, isDefault, resolution, ordered);
    }

    /// <summary>
    /// The winner, followed by the servers of its product whose definitions are identical to it, in order of preference:
    /// another product's server never joins a winner, however alike its tool.
    /// </summary>
    private static GroupDecision Winner(ToolOffer offer, PolicyRuleSpec rule, bool isDefault, GroupResolution resolution, List<ServerTool> ordered) =>
        GroupDecision.Unified(offer, rule, isDefault, resolution, SameAsFirst(ordered));

    private static List<ServerTool> SameAsFirst(List<ServerTool> ordered) =>
        ordered.Where(e => e.Group == ordered[0].Group && e.DefinitionKey == ordered[0].DefinitionKey).ToList();

    private static GroupDecision Fail(ToolOffer offer, PolicyRuleSpec rule, bool isDefault, string reason)
    {
        var shared = offer.All;
        var description = $"{(isDefault ? "the default strategy" : "the rule")} {rule.Describe()}";
        string[] arguments = [rule.Origin, description, shared.WireName, reason];
        var location = (rule.Strategy == ResolutionStrategy.Prefer ? rule.ServerLocation : null) ?? rule.Location;
        return GroupDecision.Failed(offer, rule, isDefault, location is not null
            ? DiagnosticInfo.Create(DiagnosticDescriptors.PolicyRuleNotApplicable, location, arguments)
            : DiagnosticInfo.Anchored(DiagnosticDescriptors.PolicyRuleNotApplicable, shared.Anchor, arguments));
    }
}
