using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>
/// Asks the server for progress on one request (<c>_meta.progressToken</c>) and hands the session's progress
/// notifications that carry the token to the caller's receiver. The token is the request's id, unique in the process,
/// so notifications for another call on the same session never reach this one. The SDK handles notifications
/// concurrently, so they can arrive out of order: one that does not advance the progress (which the protocol says
/// always increases) is stale and dropped, and the receiver sees the progress only go up.
/// </summary>
internal static class ProgressReceiver
{
    private static readonly JsonTypeInfo<ProgressNotificationParams> s_paramsType =
        (JsonTypeInfo<ProgressNotificationParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams));

    /// <summary>Adds the token to <paramref name="parameters"/> and listens for it until disposed.</summary>
    public static IAsyncDisposable Register(McpClient client, JsonObject parameters, RequestId id, IProgress<ProgressNotificationValue> progress)
    {
        var token = id.ToString();
        if (parameters["_meta"] is not JsonObject meta)
        {
            meta = [];
            parameters["_meta"] = meta;
        }

        meta["progressToken"] = token;
        var reported = float.NegativeInfinity;
        var order = new Lock();
        return client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            if (Read(notification) is { ProgressToken.Token: string received } notice && received == token)
            {
                lock (order)
                {
                    if (notice.Progress.Progress > reported)
                    {
                        reported = notice.Progress.Progress;
                        progress.Report(notice.Progress);
                    }
                }
            }

            return default;
        });
    }

    /// <summary>The notification's parameters; a malformed one is not progress this call can report.</summary>
    private static ProgressNotificationParams? Read(JsonRpcNotification notification)
    {
        try
        {
            return notification.Params?.Deserialize(s_paramsType);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
