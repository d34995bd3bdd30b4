using System.Text.Json;
using McpFleet.SampleServer.Launching;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public sealed class RequestHeadersToolTests : IDisposable
{
    private const string Variable = "MCPFLEET_SAMPLE_HEADERS_TOKEN";
    private const string Token = "headers-token-7e3a9d";

    // Only against hangs: a test that needs anywhere near this long is broken.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _timeout.Dispose();

    /// <remarks>
    /// Behind the bearer token middleware, so the reported Authorization header is the one that let the request in. The marker
    /// header tells which request the call ran in: the POST with the message on Streamable HTTP, the GET of the event stream on
    /// SSE, the upgrade request on WebSocket.
    /// </remarks>
    [Theory]
    [InlineData(ServerTransportKind.Http, "http", "content-type", "application/json")]
    [InlineData(ServerTransportKind.Sse, "sse", "accept", "text/event-stream")]
    [InlineData(ServerTransportKind.WebSocket, "ws", "upgrade", "websocket")]
    public async Task The_headers_of_the_request_the_call_runs_in_are_reported_as_sent(
        ServerTransportKind transport, string transportName, string markerName, string markerValue)
    {
        await using SampleServerProcess process = await SampleServerProcess.StartAsync(
            "nu",
            transport.ToSampleTransport(),
            ["--tools", "request_headers", "--auth-token-env", Variable],
            new Dictionary<string, string> { [Variable] = Token },
            cancellationToken: _timeout.Token);
        Dictionary<string, string> headers = new() { ["Authorization"] = $"Bearer {Token}", ["X-Fleet-Probe"] = "nu-1" };
        await using McpClient client = await McpClient.CreateAsync(
            HttpTransports.Create(transport, "nu", process, headers), cancellationToken: _timeout.Token);

        JsonElement report = await ReportAsync(client);

        Assert.Equal(transportName, report.GetProperty("transport").GetString());
        var reported = report.GetProperty("headers").EnumerateObject().ToDictionary(header => header.Name, header => header.Value.GetString());
        Assert.Equal(reported.Keys.Order(StringComparer.Ordinal), reported.Keys);
        Assert.All(reported.Keys, name => Assert.Equal(name.ToLowerInvariant(), name));
        Assert.Equal($"Bearer {Token}", reported["authorization"]);
        Assert.Equal("nu-1", reported["x-fleet-probe"]);
        Assert.Equal(process.Endpoint.Authority, reported["host"]);
        Assert.StartsWith(markerValue, reported[markerName], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task On_stdio_there_are_no_headers()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "nu", ["--tools", "request_headers"]);

        JsonElement report = await ReportAsync(server.Client);

        Assert.Equal("""{"transport":"stdio","headers":{}}""", report.GetRawText());
    }

    [Fact]
    public async Task The_tool_is_read_only_and_describes_its_result()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "nu", ["--tools", "request_headers"]);

        Tool tool = Assert.Single(await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken)).ProtocolTool;

        Assert.Equal("request_headers", tool.Name);
        Assert.Equivalent(new { ReadOnlyHint = true, IdempotentHint = true, DestructiveHint = false, OpenWorldHint = false }, tool.Annotations);
        Assert.Equal(["transport", "headers"], tool.OutputSchema!.Value.GetProperty("properties").EnumerateObject().Select(property => property.Name));
    }

    private async Task<JsonElement> ReportAsync(McpClient client)
    {
        CallToolResult result = await client.CallToolAsync("request_headers", cancellationToken: _timeout.Token);
        Assert.NotEqual(true, result.IsError);
        return Assert.NotNull(result.StructuredContent);
    }
}
