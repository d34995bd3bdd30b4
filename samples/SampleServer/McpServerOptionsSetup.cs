using McpFleet.SampleServer.Compatibility;
using McpFleet.SampleServer.Faults;
using McpFleet.SampleServer.Files;
using McpFleet.SampleServer.Resources;
using McpFleet.SampleServer.Tools;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer;

/// <summary>
/// Configures what every MCP server of this process serves: identity, enabled tools, resource, faults and ignored discovery.
/// </summary>
/// <remarks>
/// On http and sse the SDK creates options for each stateless request and each session, and adds filters of its own to each:
/// so every options instance gets handlers and filters of its own, and all of them share one tool collection and one resource.
/// </remarks>
internal sealed class McpServerOptionsSetup : IConfigureOptions<McpServerOptions>
{
    private readonly ServerOptions _options;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _timeProvider;

    // One collection for every session: set_tools changes it, and the SDK notifies each session's client.
    private readonly McpServerPrimitiveCollection<McpServerTool> _tools = [];
    private readonly McpServerResource _serverInfo;

    public McpServerOptionsSetup(ServerOptions options, FaultInjector faults, TimeProvider timeProvider)
    {
        _options = options;
        _faults = faults;
        _timeProvider = timeProvider;
        _serverInfo = ServerInfoResource.Create(options, _tools);
        foreach (var name in options.EnabledTools)
        {
            _tools.Add(CreateTool(name));
        }
    }

    /// <summary>Options for one server, for the transports that create their servers themselves (stdio and ws).</summary>
    public McpServerOptions Create()
    {
        McpServerOptions serverOptions = new();
        Configure(serverOptions);
        return serverOptions;
    }

    public void Configure(McpServerOptions options)
    {
        options.ServerInfo = new Implementation { Name = _options.Product ?? _options.Name, Title = _options.Title, Version = _options.Version };
        options.ToolCollection = _tools;
        options.ResourceCollection = [_serverInfo];
        options.Handlers.CallToolHandler = new UnavailableToolHandler(_options, _tools).HandleAsync;
        options.Filters.Request.CallToolFilters.Add(_faults.Apply);
        if (_options.ToolsListTimeToLive is not null || _options.ToolsListCacheScope is not null)
        {
            options.Filters.Request.ListToolsFilters.Add(new ToolListCacheHints(_options.ToolsListTimeToLive, _options.ToolsListCacheScope).Apply);
        }

        // On stdio and ws the transport drops server/discover instead (see DiscoverIgnoringTransport for why a filter cannot).
        if (_options.IgnoreDiscover && _options.Transport is ServerTransport.Http or ServerTransport.Sse)
        {
            options.Filters.Message.IncomingFilters.Add(DiscoverIgnoringFilter.Apply);
        }
    }

    private McpServerTool CreateTool(string name) => name switch
    {
        ToolNames.AskModel => AskModelTool.Create(),
        ToolNames.AskUser => AskUserTool.Create(),
        ToolNames.Echo => EchoTool.Create(_options.EchoVariant),
        ToolNames.GetTime => new GetTimeTool(_timeProvider).Create(),
        ToolNames.ListFiles => new ListFilesTool(new ConfinedDirectory(_options.Root)).Create(),
        ToolNames.ListRoots => ListRootsTool.Create(),
        ToolNames.MathCalc => MathCalcTool.Create(),
        ToolNames.RequestHeaders => new RequestHeadersTool(_options.Transport).Create(),
        ToolNames.RunCommand => new RunCommandTool(_options.Root).Create(),
        ToolNames.SendLog => new SendLogTool(_options.Name).Create(),
        ToolNames.SetTools => new SetToolsTool(
            _tools,
            [.. ToolNames.All.Where(tool => tool is not ToolNames.SetTools && ToolNames.IsPermitted(tool, _options.AllowRunCommand, _options.AllowToolChanges))],
            CreateTool).Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown tool."),
    };
}
