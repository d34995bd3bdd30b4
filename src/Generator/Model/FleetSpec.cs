using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>
/// The fleet as resolved from all servers: the fleet class's model, what the conflict report says about shared names,
/// and the fleet-level problems.
/// </summary>
internal sealed record FleetSpec(FleetClassSpec FleetClass, ConflictReportSpec Conflicts, EquatableArray<DiagnosticInfo> Diagnostics);
