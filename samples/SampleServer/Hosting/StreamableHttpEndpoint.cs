using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>Streamable HTTP at <c>/mcp</c>: POST, GET and DELETE, as the SDK's ASP.NET Core handler serves them.</summary>
/// <remarks>
/// Clients on protocol revision 2025-11-25 and older start with <c>initialize</c>, which opens a stateful session: one transport
/// and server per <c>Mcp-Session-Id</c>, used by the later POSTs, the optional GET stream and DELETE. Clients on 2026-07-28 send
/// their protocol version and capabilities with every request and no session id, so each such request gets a server of its own.
/// </remarks>
internal sealed class StreamableHttpEndpoint(McpServerFactory servers, CancellationToken stopping) : IMcpHttpEndpoint
{
    private const string SessionIdHeader = "Mcp-Session-Id";
    private const string ProtocolVersionHeader = "MCP-Protocol-Version";

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public string Scheme => "http";

    public string Path => "/mcp";

    public void Map(WebApplication app)
    {
        app.MapPost(Path, HandlePostAsync);
        app.MapGet(Path, HandleGetAsync);
        app.MapDelete(Path, HandleDeleteAsync);
    }

    private async Task HandlePostAsync(HttpContext context)
    {
        if (await McpHttp.TryReadMessageAsync(context) is not { } message)
        {
            await McpHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the body is not a JSON-RPC message.");
            return;
        }

        RequestHeaders.Attach(message, RequestHeaders.Capture(context.Request));
        // The SDK's server reads the header from the message context to validate it and match it against the request's _meta.
        if (context.Request.Headers[ProtocolVersionHeader] is [{ } protocolVersion])
        {
            (message.Context ??= new JsonRpcMessageContext()).ProtocolVersion = protocolVersion;
        }

        if (context.Request.Headers.ContainsKey(SessionIdHeader))
        {
            if (await FindSessionAsync(context) is { } session)
            {
                await PostAsync(context, session.Transport, message);
            }
        }
        else if (message is JsonRpcRequest { Method: RequestMethods.Initialize })
        {
            Session session = StartSession();
            context.Response.Headers[SessionIdHeader] = session.Id;
            await PostAsync(context, session.Transport, message);
        }
        else
        {
            await PostStatelessAsync(context, message);
        }
    }

    private async Task HandleGetAsync(HttpContext context)
    {
        if (await FindSessionAsync(context) is not { } session)
        {
            return;
        }

        // Stopping the server ends the stream at once rather than after the host's shutdown timeout.
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        McpHttp.StartEventStream(context);
        try
        {
            await session.Transport.HandleGetRequestAsync(context.Response.Body, streaming.Token);
        }
        catch (OperationCanceledException) when (streaming.IsCancellationRequested)
        {
            // The client closed the stream, which is how such streams normally end, or the server is stopping.
        }
    }

    private async Task HandleDeleteAsync(HttpContext context)
    {
        if (_sessions.TryRemove(context.Request.Headers[SessionIdHeader].ToString(), out Session? session))
        {
            await session.DisposeAsync();
        }
    }

    private async Task<Session?> FindSessionAsync(HttpContext context)
    {
        var sessionId = context.Request.Headers[SessionIdHeader].ToString();
        if (string.IsNullOrEmpty(sessionId))
        {
            await McpHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"Bad Request: the {SessionIdHeader} header is required.");
            return null;
        }

        if (!_sessions.TryGetValue(sessionId, out Session? session))
        {
            // 404 tells the client that its session is gone and that it must start a new one (-32001 as in the SDK).
            await McpHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Session not found", errorCode: -32001);
            return null;
        }

        context.Response.Headers[SessionIdHeader] = sessionId;
        return session;
    }

    private Session StartSession()
    {
        var id = McpHttp.NewSessionId();
        StreamableHttpServerTransport transport = new(servers.LoggerFactory) { SessionId = id };
        Session session = new(id, transport, servers.Create(transport).RunAsync());
        _sessions[id] = session;
        return session;
    }

    private async Task PostStatelessAsync(HttpContext context, JsonRpcMessage message)
    {
        StreamableHttpServerTransport transport = new(servers.LoggerFactory) { Stateless = true };
        await using Session session = new(string.Empty, transport, servers.Create(transport).RunAsync());
        await PostAsync(context, transport, message);
    }

    private async Task PostAsync(HttpContext context, StreamableHttpServerTransport transport, JsonRpcMessage message)
    {
        // Stopping the server ends a POST still waiting for its reply at once rather than after the host's shutdown timeout;
        // with --ignore-discover a probe's reply never comes.
        using var posting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        McpHttp.StartEventStream(context);
        try
        {
            if (!await transport.HandlePostRequestAsync(message, context.Response.Body, posting.Token))
            {
                // Notifications and responses need no reply; nothing was written, so the status can still change.
                context.Response.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping; the client sees the response end without a reply.
        }
    }

    /// <summary>A transport and the run of the server over it.</summary>
    private sealed record Session(string Id, StreamableHttpServerTransport Transport, Task ServerRun) : IAsyncDisposable
    {
        /// <summary>Disposing the transport ends the server's run, which then disposes the server.</summary>
        public async ValueTask DisposeAsync()
        {
            await Transport.DisposeAsync();
            await ServerRun;
        }
    }
}
