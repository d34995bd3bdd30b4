using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Policy;

/// <summary>
/// The policy while it is being read: the file fills it first, then the MSBuild properties replace what they set, key by
/// key. <see cref="PolicyReader"/> turns it into the immutable <see cref="FleetPolicy"/>.
/// </summary>
internal sealed class PolicyDraft
{
    public PolicyRuleSpec? Default { get; set; }

    public Dictionary<string, PolicyRuleSpec> ToolRules { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ServerPrioritySpec> Priorities { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ReplicaDeclarationSpec> Replicas { get; } = new(StringComparer.Ordinal);

    /// <summary>The separator as set, unchecked, with where it was set.</summary>
    public (string Value, string Origin, SourceLocation? Location)? Separator { get; set; }

    public List<string> Sources { get; } = [];

    public List<DiagnosticInfo> Diagnostics { get; } = [];
}
