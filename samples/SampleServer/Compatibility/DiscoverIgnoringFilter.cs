using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Compatibility;

/// <summary>
/// An incoming message filter for <c>--ignore-discover</c> on http and sse: it never answers <c>server/discover</c>, as servers
/// that predate protocol revision 2026-07-28 and ignore unknown methods do, so clients wait out their probe and fall back to
/// <c>initialize</c>. Stdio and ws use <see cref="DiscoverIgnoringTransport"/> instead.
/// </summary>
/// <remarks>
/// The unanswered Streamable HTTP POST stays open, as it would on such a server, until the client gives up and disconnects or
/// the server stops: the SDK waits for the reply with the request's abort token, and each stateless request's server is
/// disposed with the request.
/// </remarks>
internal static class DiscoverIgnoringFilter
{
    /// <summary>The filter, for <see cref="McpMessageFilters.IncomingFilters"/>.</summary>
    public static McpMessageHandler Apply(McpMessageHandler next) =>
        (context, cancellationToken) => context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ServerDiscover }
            ? Task.CompletedTask
            : next(context, cancellationToken);
}
