using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Parsing;

/// <summary>Reads the fleet's namespace and class name from the project's MSBuild properties.</summary>
internal static class FleetSettingsReader
{
    public const string DefaultNamespace = "McpFleet.Generated";
    public const string DefaultTypeName = "Fleet";

    public static FleetSettings Read(AnalyzerConfigOptionsProvider options)
    {
        var global = options.GlobalOptions;
        var diagnostics = new List<DiagnosticInfo>();

        // RootNamespace comes from the project file, not from McpFleet's options: an unusable one is not the user's
        // McpFleet mistake, so it silently gives way to the default.
        var rootNamespace = OptionValues.ValueOrNull(global, MetadataNames.RootNamespace);
        var defaultNamespace = rootNamespace is not null && Identifiers.IsValidNamespace(rootNamespace) ? rootNamespace : DefaultNamespace;

        var fleetNamespace = OptionValues.ValueOrNull(global, MetadataNames.FleetNamespace);
        if (fleetNamespace is not null && !Identifiers.IsValidNamespace(fleetNamespace))
        {
            diagnostics.Add(InvalidName("the McpFleetNamespace property", fleetNamespace, "namespace", defaultNamespace, "dot-separated C# identifiers, e.g. 'MyApp.Mcp'"));
            fleetNamespace = null;
        }

        var typeName = OptionValues.ValueOrNull(global, MetadataNames.FleetTypeName);
        // A type name of lower-case ASCII letters only may become a keyword, and C# warns about it (CS8981).
        if (typeName is not null && (!Identifiers.IsValidTypeName(typeName) || typeName.All(c => c is >= 'a' and <= 'z')))
        {
            diagnostics.Add(InvalidName("the McpFleetTypeName property", typeName, "type name", DefaultTypeName, "a C# identifier that is not all lower-case, e.g. 'McpServers'"));
            typeName = null;
        }

        return new FleetSettings(fleetNamespace ?? defaultNamespace, typeName ?? DefaultTypeName, diagnostics.ToEquatableArray());
    }

    private static DiagnosticInfo InvalidName(string property, string value, string kind, string replacement, string advice) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConfiguredName, null, property, value, kind, replacement, advice);
}
