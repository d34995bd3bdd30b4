using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using McpFleet.SampleServer.Launching;
using McpFleet.Transports;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Transports;

/// <summary>The WebSocket client transport against the sample server's <c>/ws</c> endpoint, a real process on a loopback socket.</summary>
public sealed class WebSocketClientTransportTests : IDisposable
{
    private const string Latest = "2026-07-28";
    private const string Previous = "2025-11-25";
    private const string TokenVariable = "MCPFLEET_WS_TEST_TOKEN";
    private const string Token = "ws-token-51c8e0";

    // Only against hangs: a test that needs anywhere near this long is broken.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _timeout.Dispose();

    [Theory]
    [InlineData(null, Latest)]
    [InlineData(Previous, Previous)]
    public async Task A_client_on_either_revision_lists_tools_and_calls_them(string? requested, string negotiated)
    {
        await using SampleServerProcess server = await StartAsync();
        McpClient client = await McpClient.CreateAsync(Transport(server), new McpClientOptions { ProtocolVersion = requested }, cancellationToken: _timeout.Token);

        IList<McpClientTool> tools = await client.ListToolsAsync(cancellationToken: _timeout.Token);
        CallToolResult echo = await CallAsync(client, "echo", new() { ["message"] = "über ✓" });
        CallToolResult calculation = await CallAsync(client, "math_calc", new() { ["expression"] = "(1.5 + 2) × −2" });
        await client.DisposeAsync();

        Assert.Equal(negotiated, client.NegotiatedProtocolVersion);
        Assert.Equal(["echo", "get_time", "list_files", "math_calc"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        Assert.Equal("über ✓", Text(echo));
        JsonElement structured = Assert.NotNull(calculation.StructuredContent);
        Assert.Equal("(1.5 + 2) × −2", structured.GetProperty("expression").GetString());
        Assert.Equal(-7, structured.GetProperty("result").GetDouble());
        // Disposing the client closed the session normally: nothing went wrong.
        Assert.Null((await client.Completion).Exception);
    }

    [Fact]
    public async Task Fifty_concurrent_calls_are_each_answered_with_their_own_result()
    {
        await using SampleServerProcess server = await StartAsync();
        await using McpClient client = await McpClient.CreateAsync(Transport(server), cancellationToken: _timeout.Token);

        CallToolResult[] results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? CallAsync(client, "math_calc", new() { ["expression"] = $"{i} × 3" })
            : CallAsync(client, "echo", new() { ["message"] = $"call {i}" })));

        Assert.All(Enumerable.Range(0, 50), i =>
        {
            if (i % 2 == 0)
            {
                Assert.Equal(i * 3, results[i].StructuredContent!.Value.GetProperty("result").GetDouble());
            }
            else
            {
                Assert.Equal($"call {i}", Text(results[i]));
            }
        });
    }

    [Fact]
    public async Task A_message_of_a_mebibyte_round_trips_in_both_directions()
    {
        await using SampleServerProcess server = await StartAsync();
        await using McpClient client = await McpClient.CreateAsync(Transport(server), cancellationToken: _timeout.Token);
        var message = string.Create(1024 * 1024, 0, (characters, _) =>
        {
            for (var i = 0; i < characters.Length; i++)
            {
                characters[i] = (char)('a' + (i % 26));
            }
        });

        CallToolResult result = await CallAsync(client, "echo", new() { ["message"] = message });

        Assert.Equal(message, Text(result));
    }

    [Fact]
    public async Task A_server_that_dies_mid_call_ends_the_session_and_fails_the_pending_call()
    {
        // The call stays pending for ten minutes unless the session ends.
        await using SampleServerProcess server = await StartAsync("--latency-ms", "600000");
        McpClient client = await McpClient.CreateAsync(Transport(server), cancellationToken: _timeout.Token);

        Task<CallToolResult> pending = CallAsync(client, "echo", new() { ["message"] = "never answered" });
        await server.KillAsync();

        ClientTransportClosedException exception = await Assert.ThrowsAsync<ClientTransportClosedException>(() => pending);
        ClientCompletionDetails completion = await client.Completion.WaitAsync(_timeout.Token);
        await client.DisposeAsync();

        WebSocketClientCompletionDetails details = Assert.IsType<WebSocketClientCompletionDetails>(completion);
        Assert.Same(details, exception.Details);
        Assert.IsType<WebSocketException>(details.Exception);
        Assert.Null(details.CloseStatus);
    }

    [Fact]
    public async Task A_message_larger_than_the_client_accepts_ends_the_session_with_message_too_big()
    {
        await using SampleServerProcess server = await StartAsync();
        McpClient client = await McpClient.CreateAsync(Transport(server, options => options.MaxMessageSize = 4096), cancellationToken: _timeout.Token);

        await Assert.ThrowsAsync<ClientTransportClosedException>(() => CallAsync(client, "echo", new() { ["message"] = new string('x', 8192) }));
        ClientCompletionDetails completion = await client.Completion.WaitAsync(_timeout.Token);
        await client.DisposeAsync();

        WebSocketClientCompletionDetails details = Assert.IsType<WebSocketClientCompletionDetails>(completion);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, details.CloseStatus);
        MessageTooLargeException tooLarge = Assert.IsType<MessageTooLargeException>(details.Exception);
        Assert.Equal(4096, tooLarge.Limit);
        Assert.True(tooLarge.Size > 4096);
        Assert.False(server.HasExited);
    }

    [Fact]
    public async Task Additional_headers_and_the_provided_token_reach_the_server_on_the_upgrade_request()
    {
        await using SampleServerProcess server = await StartAsync("--tools", "request_headers", "--auth-token-env", TokenVariable);
        var providerCalls = 0;
        await using McpClient client = await McpClient.CreateAsync(
            Transport(server, options =>
            {
                options.AdditionalHeaders["X-Fleet-Server"] = "ws-test";
                // Replaced by the provider's token.
                options.AdditionalHeaders["Authorization"] = "Bearer stale";
                options.TokenProvider = _ =>
                {
                    Interlocked.Increment(ref providerCalls);
                    return ValueTask.FromResult(Token);
                };
            }),
            cancellationToken: _timeout.Token);

        CallToolResult result = await CallAsync(client, "request_headers", []);

        JsonElement headers = result.StructuredContent!.Value.GetProperty("headers");
        Assert.Equal($"Bearer {Token}", headers.GetProperty("authorization").GetString());
        Assert.Equal("ws-test", headers.GetProperty("x-fleet-server").GetString());
        Assert.Equal(1, providerCalls);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_an_http_request_exception_carrying_401()
    {
        await using SampleServerProcess server = await StartAsync("--auth-token-env", TokenVariable);

        HttpRequestException exception = await Assert.ThrowsAsync<HttpRequestException>(() => McpClient.CreateAsync(
            Transport(server, options => options.TokenProvider = _ => ValueTask.FromResult("wrong-token")), cancellationToken: _timeout.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.IsType<WebSocketException>(exception.InnerException);
        Assert.DoesNotContain("wrong-token", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_refused_with_a_web_socket_exception_holding_the_socket_error()
    {
        WebSocketClientTransport transport = new(new WebSocketClientTransportOptions { Endpoint = new Uri($"ws://127.0.0.1:{ClosedPort()}/ws") });

        WebSocketException exception = await Assert.ThrowsAsync<WebSocketException>(() => McpClient.CreateAsync(transport, cancellationToken: _timeout.Token));

        HttpRequestException http = Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(HttpRequestError.ConnectionError, http.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(http.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task A_server_that_never_completes_the_handshake_times_out()
    {
        // Accepts connections into its backlog and never answers them.
        using TcpListener silent = new(IPAddress.Loopback, 0);
        silent.Start();
        WebSocketClientTransport transport = new(new WebSocketClientTransportOptions
        {
            Endpoint = new Uri($"ws://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/ws"),
            ConnectTimeout = TimeSpan.FromMilliseconds(200),
        });

        await Assert.ThrowsAsync<TimeoutException>(() => transport.ConnectAsync(_timeout.Token));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/ws")]
    [InlineData("/ws")]
    public void An_endpoint_that_is_not_an_absolute_ws_url_is_rejected(string endpoint) =>
        Assert.Throws<ArgumentException>(() => new WebSocketClientTransport(
            new WebSocketClientTransportOptions { Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute) }));

    [Fact]
    public void A_connect_timeout_that_is_not_positive_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketClientTransport(
            new WebSocketClientTransportOptions { Endpoint = new Uri("ws://127.0.0.1:8080/ws"), ConnectTimeout = TimeSpan.Zero }));

    [Fact]
    public void The_default_name_is_the_endpoint_without_credentials_or_query()
    {
        WebSocketClientTransport transport = new(new WebSocketClientTransportOptions { Endpoint = new Uri("wss://user:secret@mcp.example:8443/ws?key=secret") });

        Assert.Equal("wss://mcp.example:8443/ws", transport.Name);
    }

    private Task<SampleServerProcess> StartAsync(params string[] args) =>
        SampleServerProcess.StartAsync(
            "ws-test", SampleTransport.WebSocket, args, new Dictionary<string, string> { [TokenVariable] = Token }, cancellationToken: _timeout.Token);

    private static WebSocketClientTransport Transport(SampleServerProcess server, Action<WebSocketClientTransportOptions>? configure = null)
    {
        WebSocketClientTransportOptions options = new() { Endpoint = server.Endpoint, Name = "ws-test" };
        configure?.Invoke(options);
        return new WebSocketClientTransport(options);
    }

    private async Task<CallToolResult> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments) =>
        await client.CallToolAsync(tool, arguments, cancellationToken: _timeout.Token);

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    /// <summary>A loopback port nothing listens on: one the system just handed out and took back.</summary>
    private static int ClosedPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
