using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer;

/// <summary>Creates the MCP server of each connection; all of them share one set of options, tools and faults.</summary>
internal sealed class McpServerFactory(McpServerOptions options, ILoggerFactory loggerFactory)
{
    public ILoggerFactory LoggerFactory => loggerFactory;

    public McpServer Create(ITransport transport) => McpServer.Create(transport, options, loggerFactory);
}
