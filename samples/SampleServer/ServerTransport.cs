using System.Text.Json.Serialization;

namespace McpFleet.SampleServer;

/// <summary>The MCP transport one server instance serves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServerTransport>))]
internal enum ServerTransport
{
    [JsonStringEnumMemberName("stdio")]
    Stdio,

    /// <summary>Streamable HTTP at <c>/mcp</c>.</summary>
    [JsonStringEnumMemberName("http")]
    Http,

    /// <summary>The legacy HTTP+SSE transport at <c>/sse</c>.</summary>
    [JsonStringEnumMemberName("sse")]
    Sse,

    /// <summary>MCP over WebSocket at <c>/ws</c>: one session per connection, one JSON-RPC message per text message.</summary>
    [JsonStringEnumMemberName("ws")]
    WebSocket,
}
