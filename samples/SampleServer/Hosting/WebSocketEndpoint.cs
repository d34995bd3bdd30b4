using McpFleet.SampleServer.Compatibility;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// MCP over WebSocket at <c>/ws</c>: each accepted connection is one session with a server of its own, and each JSON-RPC message
/// one text message (see <see cref="WebSocketServerTransport"/>). Clients of both protocol revisions are served, as on stdio.
/// </summary>
internal sealed class WebSocketEndpoint(McpServerOptions serverOptions, ILoggerFactory loggerFactory, bool ignoreDiscover)
{
    private const string Path = "/ws";

    /// <summary>Adds the endpoint to <paramref name="app"/>; returns the scheme and path clients connect to.</summary>
    public (string Scheme, string Path) Map(WebApplication app)
    {
        // After the bearer token middleware, so an unauthenticated upgrade request is refused before it is accepted.
        app.UseWebSockets();
        app.Map(Path, HandleAsync);
        return ("ws", Path);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Bad Request: {Path} takes WebSocket upgrade requests only.\n", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await using ITransport transport = CreateTransport(new WebSocketServerTransport(socket, loggerFactory));
        // The upgrade request's services, so that request_headers finds the request the session runs in.
        await using McpServer server = McpServer.Create(transport, serverOptions, loggerFactory, context.RequestServices);
        try
        {
            // Ends when the client closes the connection; disposing the transport then completes the closing handshake.
            await server.RunAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The connection broke or the server is stopping.
        }
    }

    // One connection has one server, as on stdio, so --ignore-discover needs the transport rather than the message filter.
    private ITransport CreateTransport(WebSocketServerTransport webSocket) =>
        ignoreDiscover ? new DiscoverIgnoringTransport(webSocket) : webSocket;
}
