using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>What one snapshot file yields: a server (unless the file is unusable) and the problems found in it.</summary>
internal sealed record ParsedSnapshot(ServerSpec? Server, EquatableArray<DiagnosticInfo> Diagnostics);
