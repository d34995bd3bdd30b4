using System.Runtime.ExceptionServices;
using System.Text.Json;
using McpFleet.Transports;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Connections;

/// <summary>
/// Sends <c>tools/call</c> so that cancelling the call (by the caller, a timeout or a hedge) reaches the server as a
/// <c>notifications/cancelled</c>, which the SDK alone never sends (see <see cref="CancellationNotice"/>), so the tool
/// would run on. Here the notice is sent first, and only then is the request's own wait cancelled.
/// </summary>
internal static class ToolCaller
{
    private static readonly JsonTypeInfo s_requestType = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolRequestParams));
    private static readonly JsonTypeInfo<CallToolResult> s_resultType = (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    /// <summary>The message the session ended with for being too large, if it has ended so.</summary>
    private static MessageTooLargeException? EndedBy(McpClient client) =>
        client.Completion is { IsCompletedSuccessfully: true } ended && ended.Result.Exception is { } cause ? MessageTooLargeException.FindIn(cause) : null;

    public static async Task<CallToolResult> CallAsync(McpClient client, CallToolRequestParams request, CancellationToken cancellationToken)
    {
        var id = CancellationNotice.NewRequestId();
        using var wait = new CancellationTokenSource();
        using var cancellation = cancellationToken.Register(() =>
        {
            _ = CancellationNotice.SendAsync(client, id, "The caller cancelled the call.");
            wait.Cancel();
        });
        JsonRpcResponse response;
        try
        {
            response = await client.SendRequestAsync(
                new JsonRpcRequest { Id = id, Method = RequestMethods.ToolsCall, Params = JsonSerializer.SerializeToNode(request, s_requestType) },
                wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
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
