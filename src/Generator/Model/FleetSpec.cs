using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>The fleet as resolved from all servers: the fleet class's model, and the fleet-level problems.</summary>
internal sealed record FleetSpec(FleetClassSpec FleetClass, EquatableArray<DiagnosticInfo> Diagnostics);
