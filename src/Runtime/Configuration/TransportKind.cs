namespace McpFleet.Configuration;

/// <summary>How McpFleet reaches a server.</summary>
public enum TransportKind
{
    /// <summary>A child process speaking MCP over its standard input and output.</summary>
    Stdio,

    /// <summary>Streamable HTTP, falling back to legacy SSE when the server does not offer it.</summary>
    Http,

    /// <summary>Streamable HTTP only.</summary>
    StreamableHttp,

    /// <summary>The legacy HTTP+SSE transport (GET <c>/sse</c>, POST <c>/message</c>).</summary>
    Sse,
}
