using McpFleet.SampleServer.Launching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpFleet.SampleServer.Hosting;

/// <summary>Serves one MCP HTTP or WebSocket endpoint on Kestrel and announces its URL on stdout once it listens.</summary>
internal static class HttpHost
{
    public static async Task RunAsync(ServerOptions options, McpServerFactory servers, CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files or environment, so only the command line shapes the server.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.Host, options.Port));
        builder.Services.AddRoutingCore();
        ServerLogging.Configure(builder.Logging, options.Verbose);
        await using WebApplication app = builder.Build();

        CancellationToken stopping = app.Lifetime.ApplicationStopping;
        IMcpHttpEndpoint endpoint = options.Transport switch
        {
            ServerTransport.Http => new StreamableHttpEndpoint(servers, stopping),
            ServerTransport.Sse => new SseEndpoint(servers, stopping),
            ServerTransport.WebSocket => new WebSocketEndpoint(servers, options.IgnoreDiscover, stopping),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "Not an HTTP transport."),
        };
        if (options.AuthToken is { } token)
        {
            // WebApplication runs the endpoints after all middleware, so no endpoint reads an unauthenticated request.
            app.Use(new BearerTokenAuthentication(token).InvokeAsync);
        }

        endpoint.Map(app);

        await app.StartAsync(cancellationToken);
        // Port 0 binds a free port; Urls then holds the real one. Tests wait for exactly this line.
        Uri listening = new UriBuilder(app.Urls.Single()) { Scheme = endpoint.Scheme, Path = endpoint.Path }.Uri;
        await Console.Out.WriteLineAsync(ReadyLine.Format(options.Name, listening.ToString()));
        await Console.Out.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
