using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>
/// The conflict policy from <c>mcpfleet.json</c> and the MSBuild properties together, MSBuild winning for the same
/// key. Server priorities and replica declarations set as snapshot metadata are on the <see cref="ServerSpec"/>s and
/// win over these.
/// </summary>
/// <param name="Default">The strategy for shared tools without a rule of their own.</param>
/// <param name="ToolRules">The per-tool rules, in ordinal order of the tool names.</param>
/// <param name="Priorities">The servers' priorities from the policy file, in ordinal order of the server names.</param>
/// <param name="Replicas">The policy file's <c>replicaOf</c> declarations, in ordinal order of the declaring servers.</param>
/// <param name="ModelNameSeparator">What joins server and tool names in model-facing names.</param>
/// <param name="Sources">Where the policy came from (file name, MSBuild), for the conflict report.</param>
/// <param name="Diagnostics">Problems with the policy itself; the rest of it still applies.</param>
internal sealed record FleetPolicy(
    PolicyRuleSpec? Default,
    EquatableArray<PolicyRuleSpec> ToolRules,
    EquatableArray<ServerPrioritySpec> Priorities,
    EquatableArray<ReplicaDeclarationSpec> Replicas,
    string ModelNameSeparator,
    EquatableArray<string> Sources,
    EquatableArray<DiagnosticInfo> Diagnostics);
