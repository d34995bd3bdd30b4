using Microsoft.AspNetCore.Builder;

namespace McpFleet.SampleServer.Hosting;

/// <summary>One MCP transport served over HTTP: Streamable HTTP, SSE or WebSocket. <see cref="HttpHost"/> maps exactly one per process.</summary>
internal interface IMcpHttpEndpoint
{
    /// <summary>The URL scheme clients connect with: <c>http</c>, or <c>ws</c> for WebSocket.</summary>
    string Scheme { get; }

    /// <summary>The path clients connect to, announced in the ready line.</summary>
    string Path { get; }

    /// <summary>Adds the endpoint's routes (and any middleware it needs) to <paramref name="app"/>.</summary>
    void Map(WebApplication app);
}
