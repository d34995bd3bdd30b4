using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// The server side of one MCP session over an accepted WebSocket: each JSON-RPC message is one text message, reassembled from
/// its frames.
/// </summary>
internal sealed class WebSocketServerTransport : TransportBase
{
    /// <summary>The largest message accepted; a larger one ends the session with <see cref="WebSocketCloseStatus.MessageTooBig"/>.</summary>
    public const int MaxMessageSize = 4 * 1024 * 1024;

    private const int ReceiveChunkSize = 16 * 1024;

    // A client that never answers the closing handshake must not hold the connection open for long.
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageTypeInfo = McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>();

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _aborting = new();
    private readonly Task _receiving;
    private int _disposed;

    public WebSocketServerTransport(WebSocket socket, ILoggerFactory loggerFactory)
        : base("Server (WebSocket)", loggerFactory)
    {
        _socket = socket;
        SetConnected();
        _receiving = ReceiveMessagesAsync();
    }

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(message, s_messageTypeInfo);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            // Not the caller's token: cancelling a WebSocket send aborts the whole connection, not just this message.
            await _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, _aborting.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // IOException is what the SDK's transports throw when the other side is gone.
            throw new IOException("Failed to send message: the WebSocket connection is closed.", exception);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the connection with a normal closure, and aborts it if the client does not answer in time.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_socket.State == WebSocketState.Open)
        {
            await CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "The server ended the session.");
        }

        // The receive loop ends when the client's closing frame arrives; aborting ends it otherwise.
        try
        {
            await _receiving.WaitAsync(s_closeTimeout);
        }
        catch (TimeoutException)
        {
            await _aborting.CancelAsync();
            await _receiving;
        }

        _aborting.Dispose();
        SetDisconnected();
    }

    private async Task ReceiveMessagesAsync()
    {
        ArrayBufferWriter<byte> message = new(ReceiveChunkSize);
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult frame = await _socket.ReceiveAsync(message.GetMemory(ReceiveChunkSize), _aborting.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    // Completes the handshake the client started; after our own closing frame the socket is closed already.
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty);
                    }

                    return;
                }

                message.Advance(frame.Count);
                if (_socket.State == WebSocketState.CloseSent)
                {
                    // Reads on until the client's closing frame arrives: closing the connection with unread data would reset
                    // it, and the client might then never see why it was closed.
                    message.ResetWrittenCount();
                }
                else if (Refuse(frame, message.WrittenCount) is { } refusal)
                {
                    await CloseOutputAsync(refusal.Status, refusal.Reason);
                    SetDisconnected();
                }
                else if (frame.EndOfMessage)
                {
                    JsonRpcMessage? received = Parse(message.WrittenSpan);
                    message.ResetWrittenCount();
                    if (received is null)
                    {
                        await CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData, "A message is not a JSON-RPC message.");
                        SetDisconnected();
                    }
                    else
                    {
                        await WriteMessageAsync(received, _aborting.Token);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away without closing, or the transport was disposed: either way the session is over.
        }
        finally
        {
            // Completes the message channel, which ends the server's run.
            SetDisconnected();
        }
    }

    /// <summary>Why a frame ends the session, if it does.</summary>
    private static (WebSocketCloseStatus Status, string Reason)? Refuse(ValueWebSocketReceiveResult frame, int messageSize) =>
        frame.MessageType == WebSocketMessageType.Binary ? (WebSocketCloseStatus.InvalidMessageType, "MCP messages are text messages.")
        : messageSize > MaxMessageSize ? (WebSocketCloseStatus.MessageTooBig, $"A message may have at most {MaxMessageSize} bytes.")
        : null;

    private static JsonRpcMessage? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, s_messageTypeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Sends the closing frame, after any message being sent; the receive loop then waits for the client's.</summary>
    private async Task CloseOutputAsync(WebSocketCloseStatus status, string description)
    {
        using CancellationTokenSource timeout = new(s_closeTimeout);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.CloseOutputAsync(status, description, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The connection is already broken, or the client stopped reading; there is nobody left to tell.
        }
    }
}
