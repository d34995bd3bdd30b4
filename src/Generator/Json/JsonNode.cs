using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>
/// A value of a parsed JSON document. Every node knows where it was written, so a diagnostic about it can point at
/// the right line and column of the snapshot.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span, LinePositionSpan lineSpan)
    {
        Span = span;
        LineSpan = lineSpan;
    }

    /// <summary>Where the value is, in characters from the start of the text.</summary>
    public TextSpan Span { get; }

    /// <summary>Where the value is, as zero-based lines and columns.</summary>
    public LinePositionSpan LineSpan { get; }
}
