// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>Answers a server's request for a completion, e.g. from an <c>IChatClient</c> (<see cref="ChatClientSampling"/>).</summary>
/// <param name="request">The server and its request.</param>
/// <param name="cancellationToken">Cancelled when the server gives up or the session ends.</param>
public delegate ValueTask<CreateMessageResult> SamplingHandler(SamplingRequest request, CancellationToken cancellationToken);
