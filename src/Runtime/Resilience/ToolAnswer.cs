using ModelContextProtocol.Protocol;

namespace McpFleet.Resilience;

/// <summary>A server's answer to a call, with the candidate that gave it; <c>isError</c> results are answers too.</summary>
internal sealed record ToolAnswer(CallCandidate Candidate, CallToolResult Result);
