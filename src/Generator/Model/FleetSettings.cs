using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>The project-wide options: where the fleet class goes and what it is called.</summary>
/// <param name="Namespace">The fleet's namespace; each server's types go into a namespace below it by default.</param>
/// <param name="TypeName">The fleet class's name.</param>
/// <param name="Diagnostics">Problems with the configured values, which were replaced by defaults.</param>
internal sealed record FleetSettings(string Namespace, string TypeName, EquatableArray<DiagnosticInfo> Diagnostics);
