using System.Net;
using System.Text;
using McpFleet.SampleServer.Launching;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public sealed class IgnoreDiscoverTests : IDisposable
{
    private const string Latest = "2026-07-28";
    private const string Previous = "2025-11-25";

    // Short, so that waiting out the probe keeps these tests fast; the SDK's default is 5 s.
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromMilliseconds(300);

    // Only against hangs: a test that needs anywhere near this long is broken.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _timeout.Dispose();

    [Theory]
    [InlineData(ServerTransportKind.Stdio)]
    [InlineData(ServerTransportKind.Http)]
    [InlineData(ServerTransportKind.WebSocket)]
    public async Task A_client_on_the_default_revision_waits_out_its_probe_then_initializes(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            transport, "iota", ["--ignore-discover"], discoverProbeTimeout: s_probeTimeout);

        CallToolResult result = await EchoAsync(server.Client, "after the probe");

        Assert.Equal(Previous, server.Client.NegotiatedProtocolVersion);
        Assert.Equal("iota", server.Client.ServerInfo?.Name);
        Assert.Equal("after the probe", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    /// <remarks>
    /// The control runs on a warmed-up http server. On stdio the client starts the server and probes at once, and a cold server
    /// takes longer than 300 ms to answer: the client would fall back although the server answers, and the SDK server, which by
    /// then has taken the late probe's revision, refuses the fallback <c>initialize</c>. ProtocolRevisionTests covers stdio
    /// with the SDK's default probe timeout.
    /// </remarks>
    [Fact]
    public async Task The_same_client_stays_on_the_latest_revision_when_the_server_answers_discover()
    {
        await using SampleServerProcess process = await SampleServerProcess.StartAsync("iota", SampleTransport.Http, cancellationToken: _timeout.Token);
        await using (await McpClient.CreateAsync(HttpTransports.Create(ServerTransportKind.Http, "warm-up", process), cancellationToken: _timeout.Token))
        {
            // The first request JIT-compiles the server's request path, which can take longer than the short probe.
        }

        McpClientOptions options = new() { DiscoverProbeTimeout = s_probeTimeout };
        await using McpClient client = await McpClient.CreateAsync(
            HttpTransports.Create(ServerTransportKind.Http, "iota", process), options, cancellationToken: _timeout.Token);
        CallToolResult result = await EchoAsync(client, "answered");

        Assert.Equal(Latest, client.NegotiatedProtocolVersion);
        Assert.Equal("answered", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_client_pinned_to_the_previous_revision_never_probes_and_connects(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "kappa", ["--ignore-discover"], protocolVersion: Previous);

        CallToolResult result = await EchoAsync(server.Client, "pinned");

        Assert.Equal(Previous, server.Client.NegotiatedProtocolVersion);
        Assert.Equal("pinned", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    /// <remarks>
    /// The SDK sends no response headers on a 2026-07-28 request before its first reply (the reply's error may still set the
    /// status), so the client gives up on the whole request, as the SDK client's probe does: cancelling it aborts the connection.
    /// </remarks>
    [Fact]
    public async Task An_ignored_streamable_http_post_ends_when_the_client_disconnects()
    {
        await using SampleServerProcess process = await SampleServerProcess.StartAsync(
            "mu", SampleTransport.Http, ["--ignore-discover", "--verbose"], cancellationToken: _timeout.Token);
        using HttpClient http = new();
        using HttpRequestMessage request = new(HttpMethod.Post, process.Endpoint)
        {
            Content = new StringContent(
                """
                {"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{
                "io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}
                """,
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        // The standard headers of the 2026-07-28 revision, without which the SDK refuses the request before any server reads it.
        request.Headers.Add("MCP-Protocol-Version", Latest);
        request.Headers.Add("Mcp-Method", "server/discover");
        using CancellationTokenSource giveUp = new();

        Task<HttpResponseMessage> sending = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, giveUp.Token);
        // The request's server has read the probe, which the filter then drops: the POST now waits for a reply that never comes.
        await WaitForStandardErrorAsync(process, "read JsonRpcRequest message from channel.", "The probe never reached the server.");
        Assert.False(sending.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        // ASP.NET Core logs this once the request's handler has returned, and with it the request's server and transport.
        await WaitForStandardErrorAsync(process, "Request finished HTTP/1.1 POST", "The ignored POST is still running.");
        Assert.Contains("The request was aborted by the client.", process.StandardErrorTail, StringComparison.Ordinal);
        Assert.False(process.HasExited);
    }

    private async Task WaitForStandardErrorAsync(SampleServerProcess process, string text, string failure)
    {
        while (!process.StandardErrorTail.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_timeout.IsCancellationRequested, $"{failure} The server's stderr ends with:\n{process.StandardErrorTail}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    private async Task<CallToolResult> EchoAsync(McpClient client, string message) =>
        await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = message }, cancellationToken: _timeout.Token);
}
