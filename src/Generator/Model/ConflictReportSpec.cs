namespace McpFleet.Generator.Model;

/// <summary>What the conflict report says about sharing across servers; the model-facing names are added when it is written.</summary>
/// <param name="ServerCount">How many servers the fleet has.</param>
/// <param name="SharedToolCount">How many tool names more than one server offers.</param>
/// <param name="SharedCatalogCount">How many prompt names and resource URIs more than one server offers.</param>
/// <param name="Policy">Where the policy came from and its default, in words.</param>
/// <param name="ReplicaGroups">The replica groups of more than one server, in words; empty when there are none.</param>
/// <param name="Lines">One line per shared name: its class, the servers, the differences and the decision.</param>
internal sealed record ConflictReportSpec(int ServerCount, int SharedToolCount, int SharedCatalogCount, string Policy, string ReplicaGroups, EquatableArray<string> Lines);
