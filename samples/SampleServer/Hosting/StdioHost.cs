using McpFleet.SampleServer.Compatibility;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>Serves MCP over stdin and stdout until the client closes stdin.</summary>
internal static class StdioHost
{
    public static async Task RunAsync(ServerOptions options, McpServerOptionsSetup setup, CancellationToken cancellationToken)
    {
        using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => ServerLogging.Configure(logging, options.Verbose));
        await using ITransport transport = CreateTransport(options, loggerFactory);
        await using McpServer server = McpServer.Create(transport, setup.Create(), loggerFactory);
        await server.RunAsync(cancellationToken);
    }

    private static ITransport CreateTransport(ServerOptions options, ILoggerFactory loggerFactory)
    {
        StdioServerTransport stdio = new(options.Name, loggerFactory);
        return options.IgnoreDiscover ? new DiscoverIgnoringTransport(stdio) : stdio;
    }
}
