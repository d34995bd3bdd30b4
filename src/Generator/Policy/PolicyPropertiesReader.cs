using McpFleet.Generator.Model;
using McpFleet.Generator.Parsing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Policy;

/// <summary>Reads the policy's MSBuild properties, unparsed, so that the step caches on their text.</summary>
internal static class PolicyPropertiesReader
{
    public static PolicyProperties Read(AnalyzerConfigOptionsProvider options)
    {
        var global = options.GlobalOptions;
        return new PolicyProperties(
            OptionValues.ValueOrNull(global, MetadataNames.ToolRules),
            OptionValues.ValueOrNull(global, MetadataNames.DefaultStrategy),
            OptionValues.ValueOrNull(global, MetadataNames.ModelNameSeparator));
    }
}
