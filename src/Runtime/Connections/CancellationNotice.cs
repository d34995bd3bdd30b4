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
    private static long s_lastRequestId;

    /// <summary>An id for a request whose cancellation is sent here, chosen up front so the notice can name it; a string
    /// never clashes with the SDK's own numeric ids.</summary>
    public static RequestId NewRequestId() => new($"mcpfleet-{Interlocked.Increment(ref s_lastRequestId)}");

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
