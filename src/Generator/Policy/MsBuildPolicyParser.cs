using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Policy;

/// <summary>
/// Reads the policy's MSBuild properties into a <see cref="PolicyDraft"/>, replacing what the file set for the same
/// keys. Rules are <c>tool=strategy</c> or <c>tool=strategy=server</c>, separated by <c>|</c>: an editorconfig value
/// (how MSBuild hands properties to the compiler) ends at <c>#</c> or <c>;</c>, so neither can be used.
/// </summary>
internal static class MsBuildPolicyParser
{
    private const string ToolRulesOrigin = "from the McpFleetToolRules property";
    private const string DefaultOrigin = "from the McpFleetDefaultStrategy property";
    private const string SeparatorOrigin = "the McpFleetModelNameSeparator property";

    public static void Parse(PolicyProperties properties, PolicyDraft draft)
    {
        if (properties.ToolRules is { } rules)
        {
            draft.Sources.Add("McpFleetToolRules");
            foreach (var text in rules.Split('|').Select(rule => rule.Trim()).Where(rule => rule.Length > 0))
            {
                var parts = text.Split('=').Select(part => part.Trim()).ToArray();
                if (parts.Length is < 2 or > 3 || parts[0].Length == 0)
                {
                    Report(draft, ToolRulesOrigin, $"the rule '{text}' is not tool=strategy or tool=prefer=server", "it is ignored");
                    continue;
                }

                if (ReadRule(draft, ToolRulesOrigin, parts[0], parts[1], parts.Length == 3 ? parts[2] : null, $"the rule for tool '{parts[0]}' is ignored") is { } rule)
                {
                    draft.ToolRules[parts[0]] = rule;
                }
            }
        }

        if (properties.DefaultStrategy is { } strategy)
        {
            draft.Sources.Add("McpFleetDefaultStrategy");
            var parts = strategy.Split('=').Select(part => part.Trim()).ToArray();
            if (parts.Length > 2)
            {
                Report(draft, DefaultOrigin, $"'{strategy}' is not strategy or prefer=server", "the default strategy is ignored");
            }
            else
            {
                draft.Default = ReadRule(draft, DefaultOrigin, null, parts[0], parts.Length == 2 ? parts[1] : null, "the default strategy is ignored") ?? draft.Default;
            }
        }

        if (properties.ModelNameSeparator is { } separator)
        {
            draft.Sources.Add("McpFleetModelNameSeparator");
            draft.Separator = (separator, SeparatorOrigin, null);
        }
    }

    private static PolicyRuleSpec? ReadRule(PolicyDraft draft, string origin, string? toolName, string strategyName, string? server, string ignored)
    {
        if (!StrategyNames.TryParse(strategyName, out var strategy))
        {
            Report(draft, origin, $"'{strategyName}' is not a strategy; use one of {StrategyNames.List}", ignored);
            return null;
        }

        // MSBuild writes every rule with three parts (tool=strategy=server), the last empty when no server is set.
        server = string.IsNullOrEmpty(server) ? null : server;
        if (strategy == ResolutionStrategy.Prefer && server is null)
        {
            Report(draft, origin, $"the rule for {(toolName is null ? "the default" : $"tool '{toolName}'")} uses 'prefer' but names no server (prefer=server)", ignored);
            return null;
        }

        if (strategy != ResolutionStrategy.Prefer && server is not null)
        {
            Report(draft, origin, $"the server '{server}' applies only to the 'prefer' strategy", "the server is ignored");
            server = null;
        }

        return new PolicyRuleSpec(toolName, strategy, server, origin, null, null);
    }

    private static void Report(PolicyDraft draft, string origin, string problem, string consequence) =>
        draft.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPolicy, null, origin, problem, consequence));
}
