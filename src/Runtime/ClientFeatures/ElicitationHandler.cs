using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>
/// Answers a server's question for the user: accept with content, decline or cancel. Fields the answer leaves out are
/// filled from the requested schema's defaults before it is sent, as the protocol requires.
/// </summary>
/// <param name="request">The server and its request.</param>
/// <param name="cancellationToken">Cancelled when the server gives up or the session ends.</param>
public delegate ValueTask<ElicitResult> ElicitationHandler(ElicitationRequest request, CancellationToken cancellationToken);
