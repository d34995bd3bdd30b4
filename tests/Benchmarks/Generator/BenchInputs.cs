using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Benchmarks.Generator;

/// <summary>The snapshots as the compiler hands them to the generator: additional files with the metadata the package's targets set.</summary>
internal sealed class BenchInputs
{
    private BenchInputs(ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options)
    {
        Files = files;
        Options = options;
    }

    public ImmutableArray<AdditionalText> Files { get; }

    public AnalyzerConfigOptionsProvider Options { get; }

    /// <summary>The snapshots of <paramref name="directory"/>, read into memory (the compiler reads them before generators run).</summary>
    public static BenchInputs Read(string directory)
    {
        var files = Directory.GetFiles(directory, "*.snapshot.json").Order(StringComparer.Ordinal)
            .Select(path => (AdditionalText)new SnapshotText(path, SourceText.From(File.ReadAllText(path))))
            .ToImmutableArray();
        var metadata = files.ToDictionary(
            file => file.Path,
            file => (AnalyzerConfigOptions)new Metadata(ImmutableDictionary<string, string>.Empty
                .Add("build_metadata.AdditionalFiles.McpFleetSnapshot", "true")
                .Add("build_metadata.AdditionalFiles.McpFleetResource", "McpFleet/snapshots/" + Path.GetFileName(file.Path))));
        var global = new Metadata(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Bench"));
        return new BenchInputs(files, new MetadataProvider(global, metadata));
    }

    private sealed class SnapshotText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class Metadata(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class MetadataProvider(AnalyzerConfigOptions global, Dictionary<string, AnalyzerConfigOptions> files) : AnalyzerConfigOptionsProvider
    {
        private static readonly Metadata s_none = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => files.GetValueOrDefault(textFile.Path, s_none);
    }
}
