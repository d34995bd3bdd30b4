namespace McpFleet.SampleServer.Tests;

/// <summary>Theory data: every transport the sample server serves.</summary>
internal static class Transports
{
    public static TheoryData<ServerTransportKind> All { get; } =
        [ServerTransportKind.Stdio, ServerTransportKind.Http, ServerTransportKind.Sse, ServerTransportKind.WebSocket];
}
