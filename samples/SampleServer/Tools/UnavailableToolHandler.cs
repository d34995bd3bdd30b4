using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// Answers calls to tools this instance does not serve with a JSON-RPC error naming the tool and the server.
/// The SDK calls <see cref="McpServerHandlers.CallToolHandler"/> only when no tool in the collection matches.
/// </summary>
/// <param name="options">The command line.</param>
/// <param name="tools">The tools served now, which <c>set_tools</c> may have changed since the start.</param>
internal sealed class UnavailableToolHandler(ServerOptions options, McpServerPrimitiveCollection<McpServerTool> tools)
{
    /// <summary>The handler, for <see cref="McpServerHandlers.CallToolHandler"/>.</summary>
    public ValueTask<CallToolResult> HandleAsync(RequestContext<CallToolRequestParams> request, CancellationToken _) =>
        ValueTask.FromException<CallToolResult>(
            new McpProtocolException(Explain(request.Params?.Name ?? string.Empty), McpErrorCode.InvalidParams));

    private string Explain(string tool) => tool switch
    {
        ToolNames.RunCommand when !options.AllowRunCommand =>
            $"Tool '{tool}' is not enabled on server '{options.Name}' (start it with --allow-run-command)",
        ToolNames.SetTools when !options.AllowToolChanges =>
            $"Tool '{tool}' is not enabled on server '{options.Name}' (start it with --allow-tool-changes)",
        _ when ToolNames.All.Contains(tool) =>
            $"Tool '{tool}' is not enabled on server '{options.Name}' (start it with --tools including {tool})",
        _ => $"Tool '{tool}' does not exist on server '{options.Name}'; available: " +
            (tools.IsEmpty ? "none" : string.Join(", ", tools.PrimitiveNames.Order(StringComparer.Ordinal))),
    };
}
