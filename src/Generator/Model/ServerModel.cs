namespace McpFleet.Generator.Model;

/// <summary>Everything one server's file is emitted from: its spec and its place in the fleet.</summary>
internal sealed record ServerModel(ServerSpec Server, FleetServerSpec Placement);
