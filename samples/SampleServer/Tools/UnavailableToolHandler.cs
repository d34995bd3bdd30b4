using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// Answers calls to tools this instance does not serve with a JSON-RPC error naming the tool and the server.
/// The SDK calls <see cref="McpServerHandlers.CallToolHandler"/> only when no tool in the collection matches.
/// </summary>
internal sealed class UnavailableToolHandler(ServerOptions options)
{
    /// <summary>The handler, for <see cref="McpServerHandlers.CallToolHandler"/>.</summary>
    public ValueTask<CallToolResult> HandleAsync(RequestContext<CallToolRequestParams> request, CancellationToken _) =>
        ValueTask.FromException<CallToolResult>(
            new McpProtocolException(Explain(request.Params?.Name ?? string.Empty), McpErrorCode.InvalidParams));

    private string Explain(string tool) => tool switch
    {
        ToolNames.RunCommand when !options.AllowRunCommand =>
            $"Tool '{tool}' is not enabled on server '{options.Name}' (start it with --allow-run-command)",
        _ when ToolNames.All.Contains(tool) =>
            $"Tool '{tool}' is not enabled on server '{options.Name}' (start it with --tools including {tool})",
        _ => $"Tool '{tool}' does not exist on server '{options.Name}'; available: " +
            (options.EnabledTools.Count == 0 ? "none" : string.Join(", ", options.EnabledTools)),
    };
}
