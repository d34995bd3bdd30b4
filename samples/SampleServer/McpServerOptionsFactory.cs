using McpFleet.SampleServer.Compatibility;
using McpFleet.SampleServer.Faults;
using McpFleet.SampleServer.Files;
using McpFleet.SampleServer.Resources;
using McpFleet.SampleServer.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer;

/// <summary>
/// Assembles what every MCP server of this process serves: identity, enabled tools, resource, faults and ignored discovery.
/// </summary>
internal static class McpServerOptionsFactory
{
    public static McpServerOptions Create(ServerOptions options, FaultInjector faults, TimeProvider timeProvider)
    {
        McpServerOptions serverOptions = new()
        {
            ServerInfo = new Implementation { Name = options.Name, Title = options.Title, Version = options.Version },
            ToolCollection = [.. options.EnabledTools.Select(name => CreateTool(name, options, timeProvider))],
            ResourceCollection = [ServerInfoResource.Create(options)],
        };
        serverOptions.Handlers.CallToolHandler = new UnavailableToolHandler(options).HandleAsync;
        serverOptions.Filters.Request.CallToolFilters.Add(faults.Apply);
        // On stdio the transport drops server/discover instead (see DiscoverIgnoringTransport for why a filter cannot).
        if (options.IgnoreDiscover && options.Transport != ServerTransport.Stdio)
        {
            serverOptions.Filters.Message.IncomingFilters.Add(DiscoverIgnoringFilter.Apply);
        }

        return serverOptions;
    }

    private static McpServerTool CreateTool(string name, ServerOptions options, TimeProvider timeProvider) => name switch
    {
        ToolNames.Echo => EchoTool.Create(options.EchoVariant),
        ToolNames.GetTime => new GetTimeTool(timeProvider).Create(),
        ToolNames.ListFiles => new ListFilesTool(new ConfinedDirectory(options.Root)).Create(),
        ToolNames.MathCalc => MathCalcTool.Create(),
        ToolNames.RunCommand => new RunCommandTool(options.Root).Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown tool."),
    };
}
