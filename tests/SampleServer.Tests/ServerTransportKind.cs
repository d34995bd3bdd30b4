namespace McpFleet.SampleServer.Tests;

/// <summary>How a test reaches the sample server.</summary>
public enum ServerTransportKind
{
    Stdio,
    Http,
    Sse,
    WebSocket,
}
