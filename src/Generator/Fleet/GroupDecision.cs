using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>What the policy decided for one shared tool.</summary>
internal sealed class GroupDecision
{
    private GroupDecision(ToolOffer offer, PolicyRuleSpec? rule, bool ruleIsDefault)
    {
        Offer = offer;
        Rule = rule;
        RuleIsDefault = ruleIsDefault;
    }

    public ToolOffer Offer { get; }

    /// <summary>Every server's definition, classified together.</summary>
    public SharedTool Shared => Offer.All;

    /// <summary>The rule that decided; <see langword="null"/> when no rule applied.</summary>
    public PolicyRuleSpec? Rule { get; }

    /// <summary>Whether <see cref="Rule"/> is the policy's default rather than a rule for this tool.</summary>
    public bool RuleIsDefault { get; }

    /// <summary>How the unified method was formed; <see langword="null"/> when there is none.</summary>
    public GroupResolution? Resolution { get; private set; }

    /// <summary>The unified method's members, in order of preference.</summary>
    public IReadOnlyList<ServerTool> Members { get; private set; } = [];

    /// <summary>For a merge, the union of the members' parameters.</summary>
    public MergedArguments? Merged { get; private set; }

    /// <summary>Whether the rule deliberately keeps the per-server methods only.</summary>
    public bool IsNamespaceOnly { get; private set; }

    /// <summary>Why the rule could not be applied, replacing the diagnostic of the tool's class.</summary>
    public DiagnosticInfo? Failure { get; private set; }

    /// <summary>Whether a version strategy failed on versions that are not semantic (reported per server, MCPF0113).</summary>
    public bool HasVersionFailure { get; private set; }

    /// <summary>Whether skew between one product's servers was unified without a rule, newest version first (with a warning).</summary>
    public bool IsImplicitNewest { get; private set; }

    /// <summary>Whether different products offer the tool and no rule chooses or joins them: no unified method.</summary>
    public bool IsSeparate { get; private set; }

    /// <summary>The rule in words for messages: <c>the rule prefer 'alpha'</c> or <c>the default strategy newest-version</c>.</summary>
    public string RuleDescription => Rule is null ? "" : $"{(RuleIsDefault ? "the default strategy" : "the rule")} {Rule.Describe()}";

    public IEnumerable<ServerTool> Excluded => Shared.Entries.Where(e => !Members.Contains(e));

    public static GroupDecision Unified(ToolOffer offer, PolicyRuleSpec? rule, bool isDefault, GroupResolution resolution, IReadOnlyList<ServerTool> members, MergedArguments? merged = null) =>
        new(offer, rule, isDefault) { Resolution = resolution, Members = members, Merged = merged };

    public static GroupDecision ImplicitNewest(ToolOffer offer, IReadOnlyList<ServerTool> members) =>
        new(offer, null, false) { Resolution = GroupResolution.NewestVersion, Members = members, IsImplicitNewest = true };

    public static GroupDecision NamespaceOnly(ToolOffer offer, PolicyRuleSpec rule, bool isDefault) =>
        new(offer, rule, isDefault) { IsNamespaceOnly = true };

    public static GroupDecision Unresolved(ToolOffer offer) => new(offer, null, false);

    public static GroupDecision Separate(ToolOffer offer) => new(offer, null, false) { IsSeparate = true };

    public static GroupDecision Failed(ToolOffer offer, PolicyRuleSpec rule, bool isDefault, DiagnosticInfo failure) =>
        new(offer, rule, isDefault) { Failure = failure };

    public static GroupDecision VersionFailed(ToolOffer offer, PolicyRuleSpec rule, bool isDefault) =>
        new(offer, rule, isDefault) { HasVersionFailure = true };
}
