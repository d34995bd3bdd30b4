using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Policy;

/// <summary>Picks the conflict policy out of the additional files and reads its text.</summary>
internal static class PolicyFileReader
{
    /// <summary>The policy file, or <see langword="null"/> when the additional file is not the policy.</summary>
    public static PolicyFile? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue(MetadataNames.IsPolicy, out var isPolicy)
            || !string.Equals(isPolicy.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = file.GetText(cancellationToken)?.ToString();
            var failure = text is null ? Unreadable(file.Path, "the file could not be read") : null;
            return new PolicyFile(file.Path, text, failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A host's AdditionalText may throw (e.g. an I/O error); the policy is then missing, the build goes on.
            return new PolicyFile(file.Path, null, Unreadable(file.Path, $"the file could not be read ({e.GetType().Name}: {e.Message.TrimEnd('.')})"));
        }
    }

    private static DiagnosticInfo Unreadable(string path, string problem) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPolicy, SourceLocation.StartOf(path), $"'{Path.GetFileName(path)}'", problem, "no policy file applies");
}
