using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>A server's priority for the <c>priority</c> strategy, as the policy file sets it.</summary>
/// <param name="ServerName">The server's name in the fleet.</param>
/// <param name="Priority">The priority: higher wins.</param>
/// <param name="Origin">Where it comes from, as messages say it.</param>
/// <param name="Location">Where the server's entry is written.</param>
internal sealed record ServerPrioritySpec(string ServerName, double Priority, string Origin, SourceLocation? Location);
