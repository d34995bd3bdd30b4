using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Parsing;

/// <summary>Reads MSBuild properties and item metadata as the compiler passes them to analyzers.</summary>
internal static class OptionValues
{
    /// <summary>The trimmed value, or <see langword="null"/>: MSBuild passes unset properties and metadata as empty strings.</summary>
    public static string? ValueOrNull(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
