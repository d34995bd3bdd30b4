using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>Why a text is not JSON, and the character where that became clear.</summary>
/// <param name="Message">What is wrong, as a lower-case phrase without a final period.</param>
/// <param name="Span">The offending character (or text, e.g. a duplicate name).</param>
/// <param name="LineSpan">The same, as lines and columns.</param>
internal sealed record JsonSyntaxError(string Message, TextSpan Span, LinePositionSpan LineSpan);
