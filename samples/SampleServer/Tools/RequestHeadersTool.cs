using McpFleet.SampleServer.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// The <c>request_headers</c> diagnostic tool: the HTTP headers of the request the call runs in, so tests can see which
/// credentials reached which server. Credentials are reported as sent; the tool is enabled only when named in <c>--tools</c>.
/// </summary>
internal sealed class RequestHeadersTool(ServerTransport transport)
{
    public McpServerTool Create() => McpServerTool.Create(Report, new McpServerToolCreateOptions
    {
        Name = ToolNames.RequestHeaders,
        Title = "Request headers",
        Description = "Returns the HTTP headers of the request this call runs in, names lower-cased and sorted: the POST on " +
            "Streamable HTTP, the GET that opened the event stream on SSE, the upgrade request on WebSocket, none on stdio. " +
            "A diagnostic: values, credentials included, are shown as sent.",
        ReadOnly = true,
        Idempotent = true,
        Destructive = false,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    internal HeaderReport Report(RequestContext<CallToolRequestParams> request) => new(transport, RequestHeaders.Read(request));

    /// <param name="Transport">The transport the call came over.</param>
    /// <param name="Headers">The request's headers by lower-cased name, sorted ordinally; repeated headers' values joined by ", ".</param>
    internal sealed record HeaderReport(ServerTransport Transport, IReadOnlyDictionary<string, string> Headers);
}
