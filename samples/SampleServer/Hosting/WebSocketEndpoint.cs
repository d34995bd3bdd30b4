using McpFleet.SampleServer.Compatibility;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// MCP over WebSocket at <c>/ws</c>: each accepted connection is one session with a server of its own, and each JSON-RPC message
/// one text message (see <see cref="WebSocketServerTransport"/>). Clients of both protocol revisions are served, as on stdio.
/// </summary>
internal sealed class WebSocketEndpoint(McpServerFactory servers, bool ignoreDiscover, CancellationToken stopping) : IMcpHttpEndpoint
{
    public string Scheme => "ws";

    public string Path => "/ws";

    public void Map(WebApplication app)
    {
        // After the bearer token middleware, so an unauthenticated upgrade request is refused before it is accepted.
        app.UseWebSockets();
        app.Map(Path, HandleAsync);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await McpHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"Bad Request: {Path} takes WebSocket upgrade requests only.");
            return;
        }

        var headers = RequestHeaders.Capture(context.Request);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await using ITransport transport = CreateTransport(new WebSocketServerTransport(socket, headers, servers.LoggerFactory));
        await using McpServer server = servers.Create(transport);
        // Stopping the server ends the session at once rather than after the host's shutdown timeout.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            // Ends when the client closes the connection; disposing the transport then completes the closing handshake.
            await server.RunAsync(running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The connection broke or the server is stopping.
        }
    }

    // One connection has one server, as on stdio, so --ignore-discover needs the transport rather than the message filter.
    private ITransport CreateTransport(WebSocketServerTransport webSocket) =>
        ignoreDiscover ? new DiscoverIgnoringTransport(webSocket) : webSocket;
}
