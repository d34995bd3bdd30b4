using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public class ProtocolRevisionTests
{
    private const string Latest = "2026-07-28";
    private const string Previous = "2025-11-25";

    [Theory]
    [InlineData(ServerTransportKind.Stdio, null, Latest)]
    [InlineData(ServerTransportKind.Http, null, Latest)]
    [InlineData(ServerTransportKind.WebSocket, null, Latest)]
    // SSE has no per-request metadata, so the client goes straight to the initialize handshake.
    [InlineData(ServerTransportKind.Sse, null, Previous)]
    [InlineData(ServerTransportKind.Stdio, Previous, Previous)]
    [InlineData(ServerTransportKind.Http, Previous, Previous)]
    [InlineData(ServerTransportKind.Sse, Previous, Previous)]
    [InlineData(ServerTransportKind.WebSocket, Previous, Previous)]
    public async Task Clients_on_either_revision_connect_and_call_tools(ServerTransportKind transport, string? requested, string negotiated)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            transport, "delta", ["--title", "Delta server", "--version", "3.1.4"], protocolVersion: requested);

        CallToolResult first = await server.Client.CallToolAsync(
            "echo", new Dictionary<string, object?> { ["message"] = "one" }, cancellationToken: server.CancellationToken);
        CallToolResult second = await server.Client.CallToolAsync(
            "echo", new Dictionary<string, object?> { ["message"] = "two" }, cancellationToken: server.CancellationToken);

        Assert.Equal(negotiated, server.Client.NegotiatedProtocolVersion);
        Assert.Equivalent(new { Name = "delta", Title = "Delta server", Version = "3.1.4" }, server.Client.ServerInfo);
        Assert.Equal(["one", "two"], new[] { first, second }.Select(result => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text));
    }
}
