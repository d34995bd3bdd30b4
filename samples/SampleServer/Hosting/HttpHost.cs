using McpFleet.SampleServer.Launching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// Serves one MCP endpoint on Kestrel and announces its URL on stdout once it listens: Streamable HTTP and SSE through the SDK's
/// <c>MapMcp</c>, WebSocket through <see cref="WebSocketEndpoint"/> (the SDK has no WebSocket transport).
/// </summary>
internal static class HttpHost
{
    public static async Task RunAsync(ServerOptions options, McpServerOptionsSetup setup, CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files or environment, so only the command line shapes the server.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.Host, options.Port));
        builder.Services.AddRoutingCore();
        // request_headers reports the headers of the HTTP request a call runs in.
        builder.Services.AddHttpContextAccessor();
        ServerLogging.Configure(builder.Logging, options.Verbose);
        if (options.Transport is ServerTransport.Http or ServerTransport.Sse)
        {
            builder.Services.AddMcpServer().WithHttpTransport(http =>
            {
                // Sessions for clients that start with initialize (2025-11-25 and older), a server per request on 2026-07-28.
                http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9004 // Serving legacy SSE clients is what --transport sse is for; they are tests and demos on loopback.
                http.EnableLegacySse = options.Transport == ServerTransport.Sse;
#pragma warning restore MCP9004
            });
            builder.Services.AddSingleton<IConfigureOptions<McpServerOptions>>(setup);
        }

        await using WebApplication app = builder.Build();
        app.Use(EndRequestsWhenStopping(app.Lifetime.ApplicationStopping));
        if (options.AuthToken is { } token)
        {
            // WebApplication runs the endpoints after all middleware, so no endpoint reads an unauthenticated request.
            app.Use(new BearerTokenAuthentication(token).InvokeAsync);
        }

        (string scheme, string path) = options.Transport switch
        {
            ServerTransport.Http => MapStreamableHttp(app),
            ServerTransport.Sse => MapSse(app),
            ServerTransport.WebSocket => new WebSocketEndpoint(setup.Create(), app.Services.GetRequiredService<ILoggerFactory>(), options.IgnoreDiscover).Map(app),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "Not an HTTP transport."),
        };

        await app.StartAsync(cancellationToken);
        // Port 0 binds a free port; Urls then holds the real one. Tests wait for exactly this line.
        Uri listening = new UriBuilder(app.Urls.Single()) { Scheme = scheme, Path = path }.Uri;
        await Console.Out.WriteLineAsync(ReadyLine.Format(options.Name, listening.ToString()));
        await Console.Out.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static (string Scheme, string Path) MapStreamableHttp(WebApplication app)
    {
        app.MapMcp("/mcp");
        return ("http", "/mcp");
    }

    /// <summary>GET <c>/sse</c> opens a session's event stream, whose first event names the <c>/message?sessionId=…</c> URL to POST to.</summary>
    /// <remarks>MapMcp serves Streamable HTTP at the pattern (here <c>/</c>) too; sse clients never ask for it.</remarks>
    private static (string Scheme, string Path) MapSse(WebApplication app)
    {
        app.MapMcp();
        return ("http", "/sse");
    }

    /// <summary>
    /// Stopping the server (a signal, or <c>--exit-after</c>) ends every request at once rather than after the host's shutdown
    /// timeout: a POST still waiting for its reply, an event stream, a WebSocket session.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> EndRequestsWhenStopping(CancellationToken stopping) =>
        async (context, next) =>
        {
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = ending.Token;
            await next(context);
        };
}
