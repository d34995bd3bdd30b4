using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// The legacy HTTP+SSE transport: GET <c>/sse</c> opens a session's event stream, whose first event names the
/// <c>/message?sessionId=…</c> URL the client POSTs its messages to. Responses travel on the stream.
/// </summary>
internal sealed class SseEndpoint(McpServerFactory servers, CancellationToken stopping) : IMcpHttpEndpoint
{
    private const string MessagePath = "/message";

    private readonly ConcurrentDictionary<string, SseResponseStreamTransport> _sessions = new(StringComparer.Ordinal);

    public string Scheme => "http";

    public string Path => "/sse";

    public void Map(WebApplication app)
    {
        app.MapGet(Path, HandleStreamAsync);
        app.MapPost(MessagePath, HandleMessageAsync);
    }

    private async Task HandleStreamAsync(HttpContext context)
    {
        var sessionId = McpHttp.NewSessionId();
        // Stopping the server ends the stream at once rather than after the host's shutdown timeout.
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        McpHttp.StartEventStream(context);
        await using SseResponseStreamTransport transport = new(context.Response.Body, $"{MessagePath}?sessionId={sessionId}", sessionId);
        _sessions[sessionId] = transport;
        try
        {
            // Writes the endpoint event, then keeps the stream open until the transport is disposed.
            Task transportRun = transport.RunAsync(streaming.Token);
            await using McpServer server = servers.Create(transport);
            try
            {
                await server.RunAsync(streaming.Token);
            }
            finally
            {
                await transport.DisposeAsync();
                await transportRun;
            }
        }
        catch (OperationCanceledException) when (streaming.IsCancellationRequested)
        {
            // The client closed the stream, which is how SSE sessions normally end, or the server is stopping.
        }
        finally
        {
            _sessions.TryRemove(sessionId, out _);
        }
    }

    private async Task HandleMessageAsync(HttpContext context)
    {
        if (!_sessions.TryGetValue(context.Request.Query["sessionId"].ToString(), out SseResponseStreamTransport? transport))
        {
            await McpHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Session not found");
            return;
        }

        if (await McpHttp.TryReadMessageAsync(context) is not { } message)
        {
            await McpHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the body is not a JSON-RPC message.");
            return;
        }

        RequestHeaders.Attach(message, RequestHeaders.Capture(context.Request));
        await transport.OnMessageReceivedAsync(message, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
