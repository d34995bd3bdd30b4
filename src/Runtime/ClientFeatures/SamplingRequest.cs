// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>A server's request for a completion from the application's model.</summary>
/// <param name="ServerName">The fleet's name for the server asking (a replica's own name).</param>
/// <param name="Parameters">The request: messages, system prompt, model preferences and the token limit (already
/// lowered to <see cref="SamplingOptions.MaxTokens"/>).</param>
/// <param name="Progress">Reports progress to the server, when it asked for it.</param>
public sealed record SamplingRequest(string ServerName, CreateMessageRequestParams Parameters, IProgress<ProgressNotificationValue> Progress);
