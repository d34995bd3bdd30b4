using System.Text.Json;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Resources;

/// <summary>The <c>server://info</c> resource: what this instance is and serves, as JSON.</summary>
internal static class ServerInfoResource
{
    public const string Uri = "server://info";

    /// <param name="options">The command line.</param>
    /// <param name="tools">The tools served, read on each request: <c>set_tools</c> may change them.</param>
    public static McpServerResource Create(ServerOptions options, McpServerPrimitiveCollection<McpServerTool> tools) =>
        McpServerResource.Create(
            () => JsonSerializer.Serialize(
                new ServerInfo(options.Name, options.Version, options.Transport, [.. tools.PrimitiveNames.Order(StringComparer.Ordinal)]),
                JsonSerializerOptions.Web),
            new McpServerResourceCreateOptions
            {
                UriTemplate = Uri,
                Name = "server_info",
                Title = "Server information",
                Description = "This server's name, version, transport and enabled tools (sorted).",
                MimeType = "application/json",
            });

    private sealed record ServerInfo(string Name, string Version, ServerTransport Transport, IReadOnlyList<string> Tools);
}
