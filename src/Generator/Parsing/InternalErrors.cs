using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Turns an unexpected exception into a diagnostic on the snapshot it happened with: a generator that throws stops
/// generating everything (CS8785), whereas this way only the one snapshot is lost.
/// </summary>
internal static class InternalErrors
{
    public static DiagnosticInfo Create(string filePath, Exception exception) =>
        DiagnosticInfo.Create(
            DiagnosticDescriptors.InternalError,
            SourceLocation.StartOf(filePath),
            Path.GetFileName(filePath),
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message.TrimEnd('.'));
}
