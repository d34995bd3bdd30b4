using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using McpFleet.SampleServer.Launching;

namespace McpFleet.SampleServer.Tests;

/// <summary>The <c>/ws</c> endpoint at the WebSocket level, with a bare <see cref="ClientWebSocket"/> rather than an MCP client.</summary>
public sealed class WebSocketEndpointTests : IDisposable
{
    private const int MaxMessageSize = 4 * 1024 * 1024;

    private static readonly byte[] s_initialize = Encoding.UTF8.GetBytes(
        """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},
        "clientInfo":{"name":"bare","version":"1.0.0"}}}
        """);

    // Only against hangs: a test that needs anywhere near this long is broken.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task The_ready_line_announces_a_ws_url_on_the_loopback_address()
    {
        await using SampleServerProcess process = await StartAsync();

        Assert.Matches("^ws://127\\.0\\.0\\.1:[1-9][0-9]*/ws$", process.Endpoint.ToString());
    }

    [Fact]
    public async Task A_message_sent_in_fragments_is_reassembled_and_answered_in_one_message()
    {
        await using SampleServerProcess process = await StartAsync();
        using ClientWebSocket socket = await ConnectAsync(process);

        // Splits inside the JSON and inside nothing else in particular: the server must not parse a frame on its own.
        await socket.SendAsync(s_initialize.AsMemory(0, 7), WebSocketMessageType.Text, endOfMessage: false, _timeout.Token);
        await socket.SendAsync(s_initialize.AsMemory(7, 40), WebSocketMessageType.Text, endOfMessage: false, _timeout.Token);
        await socket.SendAsync(s_initialize.AsMemory(47), WebSocketMessageType.Text, endOfMessage: true, _timeout.Token);
        using JsonDocument response = await ReceiveJsonAsync(socket);

        Assert.Equal(1, response.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("omega", response.RootElement.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_message_over_4_MiB_closes_the_connection_with_message_too_big()
    {
        await using SampleServerProcess process = await StartAsync();
        using ClientWebSocket socket = await ConnectAsync(process);
        byte[] spaces = Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024));

        try
        {
            for (var sent = 0; sent <= MaxMessageSize; sent += spaces.Length)
            {
                await socket.SendAsync(spaces, WebSocketMessageType.Text, endOfMessage: false, _timeout.Token);
            }
        }
        catch (WebSocketException)
        {
            // The server may close before the last frame is out.
        }

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await ReceiveCloseAsync(socket));
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task A_binary_message_closes_the_connection_with_invalid_message_type()
    {
        await using SampleServerProcess process = await StartAsync();
        using ClientWebSocket socket = await ConnectAsync(process);

        await socket.SendAsync(s_initialize, WebSocketMessageType.Binary, endOfMessage: true, _timeout.Token);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Text_that_is_not_json_rpc_closes_the_connection_with_invalid_payload_data()
    {
        await using SampleServerProcess process = await StartAsync();
        using ClientWebSocket socket = await ConnectAsync(process);

        await socket.SendAsync("{\"not\":"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, _timeout.Token);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task A_client_that_closes_gets_a_normal_closure_and_the_server_serves_the_next_connection()
    {
        await using SampleServerProcess process = await StartAsync();
        using (ClientWebSocket first = await ConnectAsync(process))
        {
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", _timeout.Token);

            Assert.Equal(WebSocketState.Closed, first.State);
            Assert.Equal(WebSocketCloseStatus.NormalClosure, first.CloseStatus);
        }

        using ClientWebSocket second = await ConnectAsync(process);
        await second.SendAsync(s_initialize, WebSocketMessageType.Text, endOfMessage: true, _timeout.Token);
        using JsonDocument response = await ReceiveJsonAsync(second);

        Assert.Equal(1, response.RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_request_that_is_not_an_upgrade_gets_400()
    {
        await using SampleServerProcess process = await StartAsync();
        using HttpClient http = new();

        using HttpResponseMessage response = await http.GetAsync(new UriBuilder(process.Endpoint) { Scheme = "http" }.Uri, _timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/ws takes WebSocket upgrade requests only", await response.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
    }

    private Task<SampleServerProcess> StartAsync() =>
        SampleServerProcess.StartAsync("omega", SampleTransport.WebSocket, ["--tools", "echo"], cancellationToken: _timeout.Token);

    private async Task<ClientWebSocket> ConnectAsync(SampleServerProcess process)
    {
        ClientWebSocket socket = new();
        await socket.ConnectAsync(process.Endpoint, _timeout.Token);
        return socket;
    }

    private async Task<JsonDocument> ReceiveJsonAsync(ClientWebSocket socket)
    {
        using MemoryStream message = new();
        byte[] buffer = new byte[16 * 1024];
        ValueWebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer.AsMemory(), _timeout.Token);
            Assert.Equal(WebSocketMessageType.Text, frame.MessageType);
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);

        return JsonDocument.Parse(message.ToArray());
    }

    /// <summary>Reads until the server's closing frame, answers it, and returns its status.</summary>
    private async Task<WebSocketCloseStatus?> ReceiveCloseAsync(ClientWebSocket socket)
    {
        byte[] buffer = new byte[16 * 1024];
        while ((await socket.ReceiveAsync(buffer.AsMemory(), _timeout.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, _timeout.Token);
        return socket.CloseStatus;
    }
}
