namespace McpFleet.Generator.Model;

/// <summary>The policy as MSBuild properties give it, unparsed; each overrides the policy file for the same key.</summary>
/// <param name="ToolRules">The <c>McpFleetToolRules</c> property.</param>
/// <param name="DefaultStrategy">The <c>McpFleetDefaultStrategy</c> property.</param>
/// <param name="ModelNameSeparator">The <c>McpFleetModelNameSeparator</c> property.</param>
internal sealed record PolicyProperties(string? ToolRules, string? DefaultStrategy, string? ModelNameSeparator);
