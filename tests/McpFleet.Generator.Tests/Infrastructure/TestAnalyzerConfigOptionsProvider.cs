using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>Global options plus per-file options keyed by path, as the compiler builds them from MSBuild.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider(
    AnalyzerConfigOptions globalOptions, IReadOnlyDictionary<string, AnalyzerConfigOptions> fileOptions) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = globalOptions;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestAnalyzerConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileOptions.TryGetValue(textFile.Path, out var options) ? options : TestAnalyzerConfigOptions.Empty;
}
