namespace McpFleet.SampleServer.Launching;

/// <summary>The network transports <see cref="SampleServerProcess"/> can start the sample server with.</summary>
public enum SampleTransport
{
    /// <summary>Streamable HTTP at <c>/mcp</c>.</summary>
    Http,

    /// <summary>The legacy HTTP+SSE transport at <c>/sse</c>.</summary>
    Sse,

    /// <summary>MCP over WebSocket at <c>/ws</c>; the endpoint is a <c>ws://</c> URL.</summary>
    WebSocket,
}
