using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>
/// A declaration that a server is a replica of another server of the fleet (<c>replicaOf</c>): for servers that are
/// one service but report different product names.
/// </summary>
/// <param name="ServerName">The declaring server's name in the fleet.</param>
/// <param name="ReplicaOf">The server it is a replica of.</param>
/// <param name="Origin">Where it comes from, as messages say it: <c>'mcpfleet.json'</c> or <c>from the ReplicaOf metadata of snapshot 'x'</c>.</param>
/// <param name="Location">Where it is written.</param>
internal sealed record ReplicaDeclarationSpec(string ServerName, string ReplicaOf, string Origin, SourceLocation? Location);
