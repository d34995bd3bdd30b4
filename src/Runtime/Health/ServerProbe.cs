using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Health;

/// <summary>
/// A liveness probe that works on every protocol revision: <c>ping</c> up to 2025-11-25; from 2026-07-28, which has
/// no ping, a <c>server/discover</c> request.
/// </summary>
internal static class ServerProbe
{
    private const string DiscoveryRevision = "2026-07-28";

    public static async Task ProbeAsync(McpClient client, CancellationToken cancellationToken)
    {
        // Revisions are dates, so ordinal order is chronological order.
        if (string.CompareOrdinal(client.NegotiatedProtocolVersion, DiscoveryRevision) >= 0)
        {
            await client.SendRequestAsync(new JsonRpcRequest { Method = RequestMethods.ServerDiscover, Params = new JsonObject() }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await client.PingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
