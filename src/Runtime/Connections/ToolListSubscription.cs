using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>
/// Tells the runtime when a server's tool list changes (<c>notifications/tools/list_changed</c>). Up to 2025-11-25 the
/// notification just arrives; from 2026-07-28 a server sends it only while the client keeps a
/// <c>subscriptions/listen</c> request open, so one is sent for the life of the session.
/// </summary>
internal static class ToolListSubscription
{
    private const string ListeningRevision = "2026-07-28";

    public static void Listen(McpClient client, Action onChanged, CancellationToken sessionEnded)
    {
        // Handler registrations end with the session.
        _ = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            onChanged();
            return ValueTask.CompletedTask;
        });

        if (string.CompareOrdinal(client.NegotiatedProtocolVersion, ListeningRevision) >= 0 && client.ServerCapabilities?.Tools?.ListChanged == true)
        {
            _ = KeepListeningAsync(client, sessionEnded);
        }
    }

    private static async Task KeepListeningAsync(McpClient client, CancellationToken sessionEnded)
    {
        try
        {
            // The server answers only when the request is cancelled: it stays open for the whole session.
            await client.SendRequestAsync(
                new JsonRpcRequest { Method = RequestMethods.SubscriptionsListen, Params = new JsonObject { ["notifications"] = new JsonObject { ["toolsListChanged"] = true } } },
                sessionEnded).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or McpException or IOException)
        {
            // The session ended, or the server does not offer subscriptions after all.
        }
    }
}
