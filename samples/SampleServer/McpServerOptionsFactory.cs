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
        // One collection for every session: set_tools changes it, and the SDK notifies each session's client.
        McpServerPrimitiveCollection<McpServerTool> tools = [];
        McpServerOptions serverOptions = new()
        {
            ServerInfo = new Implementation { Name = options.Product ?? options.Name, Title = options.Title, Version = options.Version },
            ToolCollection = tools,
            ResourceCollection = [ServerInfoResource.Create(options, tools)],
        };
        foreach (var name in options.EnabledTools)
        {
            tools.Add(CreateTool(name, options, tools, timeProvider));
        }

        serverOptions.Handlers.CallToolHandler = new UnavailableToolHandler(options, tools).HandleAsync;
        serverOptions.Filters.Request.CallToolFilters.Add(faults.Apply);
        if (options.ToolsListTimeToLive is not null || options.ToolsListCacheScope is not null)
        {
            serverOptions.Filters.Request.ListToolsFilters.Add(new ToolListCacheHints(options.ToolsListTimeToLive, options.ToolsListCacheScope).Apply);
        }

        // On stdio and ws the transport drops server/discover instead (see DiscoverIgnoringTransport for why a filter cannot).
        if (options.IgnoreDiscover && options.Transport is ServerTransport.Http or ServerTransport.Sse)
        {
            serverOptions.Filters.Message.IncomingFilters.Add(DiscoverIgnoringFilter.Apply);
        }

        return serverOptions;
    }

    private static McpServerTool CreateTool(
        string name, ServerOptions options, McpServerPrimitiveCollection<McpServerTool> tools, TimeProvider timeProvider) => name switch
        {
            ToolNames.AskModel => AskModelTool.Create(),
            ToolNames.AskUser => AskUserTool.Create(),
            ToolNames.Echo => EchoTool.Create(options.EchoVariant),
            ToolNames.GetTime => new GetTimeTool(timeProvider).Create(),
            ToolNames.ListFiles => new ListFilesTool(new ConfinedDirectory(options.Root)).Create(),
            ToolNames.ListRoots => ListRootsTool.Create(),
            ToolNames.MathCalc => MathCalcTool.Create(),
            ToolNames.RequestHeaders => new RequestHeadersTool(options.Transport).Create(),
            ToolNames.RunCommand => new RunCommandTool(options.Root).Create(),
            ToolNames.SendLog => new SendLogTool(options.Name).Create(),
            ToolNames.SetTools => new SetToolsTool(
                tools,
                [.. ToolNames.All.Where(tool => tool is not ToolNames.SetTools && ToolNames.IsPermitted(tool, options.AllowRunCommand, options.AllowToolChanges))],
                tool => CreateTool(tool, options, tools, timeProvider)).Create(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown tool."),
        };
}
