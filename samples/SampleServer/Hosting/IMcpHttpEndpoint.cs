using Microsoft.AspNetCore.Builder;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// One MCP transport served over HTTP. <see cref="HttpHost"/> maps exactly one per process; a WebSocket endpoint at
/// <c>/ws</c> would be one more implementation (its <see cref="Map"/> would also add the WebSockets middleware).
/// </summary>
internal interface IMcpHttpEndpoint
{
    /// <summary>The path clients connect to, announced in the ready line.</summary>
    string Path { get; }

    /// <summary>Adds the endpoint's routes (and any middleware it needs) to <paramref name="app"/>.</summary>
    void Map(WebApplication app);
}
