using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="McpFleetGenerator"/> through <see cref="CSharpGeneratorDriver"/>, as the compiler does.</summary>
internal static class GeneratorHarness
{
    public const string RootNamespace = "MyApp";

    /// <summary>The parse options of the test compilation: latest C#, documentation comments checked like a consumer's build.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>A driver for the inputs, with step tracking on, ready to run on a compilation.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SnapshotInput> inputs, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var list = inputs.ToList();
        return CSharpGeneratorDriver.Create(
            [new McpFleetGenerator().AsSourceGenerator()],
            list.Select(input => input.ToAdditionalText()),
            ParseOptions,
            CreateOptionsProvider(list, globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static AnalyzerConfigOptionsProvider CreateOptionsProvider(IEnumerable<SnapshotInput> inputs, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var global = globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = RootNamespace };
        var files = inputs.ToDictionary(input => input.Path, input => (AnalyzerConfigOptions)new TestAnalyzerConfigOptions(FileOptions(input)));
        return new TestAnalyzerConfigOptionsProvider(new TestAnalyzerConfigOptions(global.ToImmutableDictionary()), files);
    }

    /// <summary>The default global options (the root namespace) plus <paramref name="properties"/>, e.g. <c>("McpFleetToolRules", "echo=merge")</c>.</summary>
    public static Dictionary<string, string> Properties(params (string Name, string Value)[] properties)
    {
        var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = RootNamespace };
        foreach (var (name, value) in properties)
        {
            options["build_property." + name] = value;
        }

        return options;
    }

    /// <summary>Runs the generator once over <paramref name="inputs"/> on an empty compilation (the generator reads no C#).</summary>
    public static GeneratorOutput Run(IEnumerable<SnapshotInput> inputs, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var driver = CreateDriver(inputs, globalOptions).RunGenerators(EmptyCompilation());
        return new GeneratorOutput(driver.GetRunResult().Results.Single());
    }

    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("Generated", [], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static ImmutableDictionary<string, string> FileOptions(SnapshotInput input)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>();

        // MSBuild passes every declared metadata name, with an empty value where an item does not set it.
        options["build_metadata.AdditionalFiles.McpFleetSnapshot"] = input.IsSnapshot ? "true" : "";
        options["build_metadata.AdditionalFiles.McpFleetServerName"] = input.ServerName ?? "";
        options["build_metadata.AdditionalFiles.McpFleetNamespace"] = input.Namespace ?? "";
        options["build_metadata.AdditionalFiles.McpFleetPriority"] = input.Priority ?? "";
        options["build_metadata.AdditionalFiles.McpFleetReplicaOf"] = input.ReplicaOf ?? "";
        options["build_metadata.AdditionalFiles.McpFleetPolicy"] = input.IsPolicy ? "true" : "";
        options["build_metadata.AdditionalFiles.McpFleetResource"] = input.ResourceName ?? "";
        options["build_metadata.AdditionalFiles.McpFleetIncludeTools"] = input.IncludeTools ?? "";
        options["build_metadata.AdditionalFiles.McpFleetExcludeTools"] = input.ExcludeTools ?? "";
        return options.ToImmutable();
    }
}
