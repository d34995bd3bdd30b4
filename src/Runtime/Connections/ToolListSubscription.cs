using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>
/// Tells when a session's server changes its tool list (<c>notifications/tools/list_changed</c>). Up to 2025-11-25 the
/// notification just arrives; from 2026-07-28 a server sends it only while the client keeps a
/// <c>subscriptions/listen</c> request open, so one stays open for the life of the session.
/// </summary>
/// <remarks>
/// The listen request is cancelled before the session closes: a server on the C# SDK does not exit when its input
/// closes while one is open, so closing a stdio session would wait out the SDK's shutdown timeout (5 s) and then kill it.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "A token source with no timer and no links holds nothing to release.")]
internal sealed class ToolListSubscription
{
    private const string ListeningRevision = "2026-07-28";
    private static readonly TimeSpan s_noticeTimeout = TimeSpan.FromSeconds(2);

    private readonly McpClient _client;
    private readonly CancellationTokenSource _sessionEnded = new();
    private readonly RequestId? _listenId;

    private ToolListSubscription(McpClient client, Action<CancellationToken> changed)
    {
        _client = client;
        _ = client.Completion.ContinueWith(_ => End(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // Handler registrations end with the session.
        var sessionEnded = _sessionEnded.Token;
        _ = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed(sessionEnded);
            return ValueTask.CompletedTask;
        });

        if (string.CompareOrdinal(client.NegotiatedProtocolVersion, ListeningRevision) >= 0 && client.ServerCapabilities?.Tools?.ListChanged == true)
        {
            _listenId = CancellationNotice.NewRequestId();
            _ = KeepListeningAsync(_listenId.Value, sessionEnded);
        }
    }

    /// <summary>Starts listening on <paramref name="client"/>; <paramref name="changed"/> gets a token that is cancelled when
    /// the session ends.</summary>
    public static ToolListSubscription Start(McpClient client, Action<CancellationToken> changed) => new(client, changed);

    /// <summary>Cancels the listen request on the server, so the session can close at once.</summary>
    public async Task EndAsync()
    {
        if (_listenId is { } id && !_sessionEnded.IsCancellationRequested)
        {
            using var timeout = new CancellationTokenSource(s_noticeTimeout);
            await CancellationNotice.SendAsync(_client, id, "The session is closing.", timeout.Token).ConfigureAwait(false);
        }

        End();
    }

    private void End() => _sessionEnded.Cancel();

    private async Task KeepListeningAsync(RequestId id, CancellationToken sessionEnded)
    {
        try
        {
            // The server answers only when the request is cancelled: it stays open for the whole session.
            await _client.SendRequestAsync(
                new JsonRpcRequest { Id = id, Method = RequestMethods.SubscriptionsListen, Params = new JsonObject { ["notifications"] = new JsonObject { ["toolsListChanged"] = true } } },
                sessionEnded).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or McpException or IOException)
        {
            // The session ended, or the server does not offer subscriptions after all.
        }
    }
}
