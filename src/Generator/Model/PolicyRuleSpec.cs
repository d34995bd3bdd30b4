using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>A rule of the conflict policy: for one tool, or the default for every shared tool without a rule.</summary>
/// <param name="ToolName">The tool's wire name; <see langword="null"/> for the default.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Server">The server a <c>prefer</c> rule names.</param>
/// <param name="Origin">Where the rule comes from, as messages say it: <c>'mcpfleet.json'</c> or <c>from the McpFleetToolRules property</c>.</param>
/// <param name="Location">Where the rule is written; <see langword="null"/> for MSBuild properties.</param>
/// <param name="ServerLocation">Where <paramref name="Server"/> is written.</param>
internal sealed record PolicyRuleSpec(
    string? ToolName,
    ResolutionStrategy Strategy,
    string? Server,
    string Origin,
    SourceLocation? Location,
    SourceLocation? ServerLocation)
{
    /// <summary>The rule as users write it, e.g. <c>prefer 'alpha'</c>.</summary>
    public string Describe() => Server is null ? StrategyName : $"{StrategyName} '{Server}'";

    public string StrategyName => Policy.StrategyNames.ToName(Strategy);
}
