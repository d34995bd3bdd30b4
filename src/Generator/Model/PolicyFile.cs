using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>The conflict policy file (<c>mcpfleet.json</c>) as read from the compilation's additional files.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Text">The file's text; <see langword="null"/> when it could not be read.</param>
/// <param name="ReadFailure">Why <paramref name="Text"/> is missing.</param>
internal sealed record PolicyFile(string Path, string? Text, DiagnosticInfo? ReadFailure);
