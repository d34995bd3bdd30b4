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

    /// <summary>A WebSocket (<c>ws://</c> or <c>wss://</c>), one JSON-RPC message per text message.</summary>
    WebSocket,

    /// <summary>A transport the application supplies (<see cref="ServerDefinition.Custom"/>), e.g. an in-process server.</summary>
    Custom,
}
