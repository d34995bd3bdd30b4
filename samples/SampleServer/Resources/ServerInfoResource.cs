using System.Text.Json;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Resources;

/// <summary>The <c>server://info</c> resource: what this instance is and serves, as JSON.</summary>
internal static class ServerInfoResource
{
    public const string Uri = "server://info";

    public static McpServerResource Create(ServerOptions options)
    {
        // The content never changes while the process runs, so it is serialized once.
        var json = JsonSerializer.Serialize(
            new ServerInfo(options.Name, options.Version, options.Transport, options.EnabledTools), JsonSerializerOptions.Web);
        return McpServerResource.Create(() => json, new McpServerResourceCreateOptions
        {
            UriTemplate = Uri,
            Name = "server_info",
            Title = "Server information",
            Description = "This server's name, version, transport and enabled tools (sorted).",
            MimeType = "application/json",
        });
    }

    private sealed record ServerInfo(string Name, string Version, ServerTransport Transport, IReadOnlyList<string> Tools);
}
