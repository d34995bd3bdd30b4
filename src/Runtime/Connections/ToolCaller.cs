using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using McpFleet.Transports;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>
/// Sends <c>tools/call</c> so that cancelling the call (by the caller, a timeout, a hedge or the fleet shutting down)
/// reaches the server as a <c>notifications/cancelled</c>, which the SDK alone never sends (see
/// <see cref="CancellationNotice"/>), so the tool would run on. Here the notice is sent first, and only then is the
/// request's own wait cancelled. When the session is about to close (the fleet is shutting down), the call waits for the
/// notice to be sent, for a moment at most, so that the closing session still carries it; otherwise it does not wait (a
/// frozen server must not hold up a hedged call that another replica answered).
/// </summary>
internal static class ToolCaller
{
    private static readonly TimeSpan s_noticeGrace = TimeSpan.FromSeconds(2);
    private static readonly JsonTypeInfo<CallToolResult> s_resultType = (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    /// <summary>The message the session ended with for being too large, if it has ended so.</summary>
    private static MessageTooLargeException? EndedBy(McpClient client) =>
        client.Completion is { IsCompletedSuccessfully: true } ended && ended.Result.Exception is { } cause ? MessageTooLargeException.FindIn(cause) : null;

    /// <param name="client">The session.</param>
    /// <param name="parameters">The request's parameters, written once by the call (<c>name</c> and <c>arguments</c>).</param>
    /// <param name="progress">Receives the server's progress notifications for this request, if the caller asked for them.</param>
    /// <param name="time">The clock of the wait for a notice.</param>
    /// <param name="closing">Cancelled when the session is about to close: a cancellation notice is then waited for.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    public static async Task<CallToolResult> CallAsync(
        McpClient client, JsonObject parameters, IProgress<ProgressNotificationValue>? progress, TimeProvider time, CancellationToken closing, CancellationToken cancellationToken)
    {
        var id = CancellationNotice.NewRequestId();
        await using var progressHandler = progress is null ? null : ProgressReceiver.Register(client, parameters, id, progress);
        using var wait = new CancellationTokenSource();
        Task? notice = null;
        using var cancellation = cancellationToken.UnsafeRegister(
            _ =>
            {
                notice = CancellationNotice.SendAsync(client, id, "The caller cancelled the call.");
                wait.Cancel();
            },
            null);
        JsonRpcResponse response;
        try
        {
            response = await client.SendRequestAsync(new JsonRpcRequest { Id = id, Method = RequestMethods.ToolsCall, Params = parameters }, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            if (closing.IsCancellationRequested && Volatile.Read(ref notice) is { } sending)
            {
                try
                {
                    await sending.WaitAsync(s_noticeGrace, time).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // The server does not take the notice; the session closes anyway.
                }
            }

            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when ((MessageTooLargeException.FindIn(e) ?? EndedBy(client)) is { } tooLarge)
        {
            // The SDK wraps it, or fails the session's pending requests its own way as the session ends: the caller is
            // told what happened, in the exception made for it.
            ExceptionDispatchInfo.Throw(tooLarge);
            throw;
        }
        catch (OperationCanceledException e)
        {
            // Nobody here cancelled: the SDK gives up on pending requests when the session ends.
            throw new IOException("The session ended before the server answered.", e);
        }

        return response.Result?.Deserialize(s_resultType) ?? throw new McpException("The server answered tools/call without a result.");
    }
}
