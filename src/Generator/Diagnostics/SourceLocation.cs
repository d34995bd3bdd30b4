using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Diagnostics;

/// <summary>
/// A place in a snapshot file, kept as plain values: a <see cref="Location"/> is not value-equal and would defeat the
/// pipeline's caching.
/// </summary>
internal sealed record SourceLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The start of a file, for problems that concern the file as a whole.</summary>
    public static SourceLocation StartOf(string filePath) => new(filePath, default, default);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
