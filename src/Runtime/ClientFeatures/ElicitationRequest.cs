using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>A server's question for the user.</summary>
/// <param name="ServerName">The fleet's name for the server asking (a replica's own name).</param>
/// <param name="Parameters">The request: the message, and the requested schema of a form (or a URL to open).</param>
public sealed record ElicitationRequest(string ServerName, ElicitRequestParams Parameters);
