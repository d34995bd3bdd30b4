using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Drift;

/// <summary>A server's tool definitions now, as JSON in the shape of a snapshot's <c>tools</c> entries.</summary>
internal static class LiveTools
{
    /// <summary>Lists every page of the session's tools; a server without the tools capability has none.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ListAsync(McpClient client, CancellationToken cancellationToken)
    {
        if (client.ServerCapabilities is { Tools: null })
        {
            return [];
        }

        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var typeInfo = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool));
        return [.. tools.Select(tool => JsonSerializer.SerializeToElement(tool.ProtocolTool, typeInfo))];
    }
}
