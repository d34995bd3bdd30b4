using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>
/// Sends <c>notifications/cancelled</c> for a request. The SDK's own notice never leaves: the wait it cancels can resume
/// inline on the cancelling thread and unregister the notice before it runs (modelcontextprotocol/csharp-sdk#1365).
/// </summary>
internal static class CancellationNotice
{
    /// <summary>Tells the server to stop working on <paramref name="id"/>; a session already gone needs no notice.</summary>
    public static async Task SendAsync(McpClient client, RequestId id, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.SendNotificationAsync(
                NotificationMethods.CancelledNotification,
                new CancelledNotificationParams { RequestId = id, Reason = reason },
                McpJsonUtilities.DefaultOptions,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or McpException or ObjectDisposedException or InvalidOperationException or HttpRequestException or OperationCanceledException)
        {
            // The session is gone, and with it the request.
        }
    }
}
