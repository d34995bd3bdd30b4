using McpFleet.Registry;

namespace McpFleet.Resilience;

/// <summary>A server that can take a call, the tool it would run, and the arguments it accepts (all when null).</summary>
internal sealed record CallCandidate(ServerEntry Entry, ToolDescriptor Tool, IReadOnlyList<string>? AcceptedArguments);
