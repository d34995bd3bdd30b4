namespace McpFleet.SampleServer.Launching;

/// <summary>The HTTP transports <see cref="SampleServerProcess"/> can start the sample server with.</summary>
public enum SampleTransport
{
    /// <summary>Streamable HTTP at <c>/mcp</c>.</summary>
    Http,

    /// <summary>The legacy HTTP+SSE transport at <c>/sse</c>.</summary>
    Sse,
}
