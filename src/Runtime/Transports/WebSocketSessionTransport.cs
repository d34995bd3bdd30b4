using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Transports;

/// <summary>
/// One MCP session over an open <see cref="WebSocket"/>: each JSON-RPC message is one text message, reassembled from its frames.
/// However the connection ends, the message channel completes, so the client's <c>Completion</c> ends and its pending requests
/// fail at once; unless the client ended it, with a <see cref="ClientTransportClosedException"/> carrying
/// <see cref="WebSocketClientCompletionDetails"/>.
/// </summary>
internal sealed class WebSocketSessionTransport : TransportBase
{
    private const int ReceiveChunkSize = 16 * 1024;

    // A server that never answers the closing handshake must not hold up disposal for long.
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageTypeInfo = McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>();

    private readonly string _name;
    private readonly WebSocket _socket;
    private readonly int _maxMessageSize;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _aborting = new();
    private readonly Task _receiving;
    private int _disposed;

    public WebSocketSessionTransport(string name, WebSocket socket, int maxMessageSize, ILoggerFactory? loggerFactory)
        : base(name, loggerFactory)
    {
        _name = name;
        _socket = socket;
        _maxMessageSize = maxMessageSize;
        SetConnected();
        _receiving = ReceiveMessagesAsync();
    }

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(message, s_messageTypeInfo);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Not the caller's token: cancelling a WebSocket send aborts the whole connection, not just this message.
            await _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, _aborting.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // IOException, as the SDK's transports throw, so callers handle a lost connection the same way on every transport.
            throw new IOException("Failed to send the message: the WebSocket connection is closed.", exception);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the connection with a normal closure, and aborts it if the server does not answer in time.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Completed first, so the receive loop, seeing the server's answer to this closure, reports nothing unexpected.
        SetDisconnected();
        if (_socket.State == WebSocketState.Open)
        {
            await CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "The client ended the session.").ConfigureAwait(false);
        }

        try
        {
            await _receiving.WaitAsync(s_closeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _aborting.CancelAsync().ConfigureAwait(false);
            await _receiving.ConfigureAwait(false);
        }

        _aborting.Dispose();
        _socket.Dispose();
    }

    private async Task ReceiveMessagesAsync()
    {
        ArrayBufferWriter<byte> message = new(ReceiveChunkSize);
        try
        {
            while (true)
            {
                // One chunk at a time, so that no more than a chunk past the limit is ever read.
                var frame = await _socket.ReceiveAsync(message.GetMemory(ReceiveChunkSize)[..ReceiveChunkSize], _aborting.Token).ConfigureAwait(false);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    await EndAsync(new IOException($"The server closed the WebSocket connection ({_socket.CloseStatus}: {_socket.CloseStatusDescription})."))
                        .ConfigureAwait(false);
                    return;
                }

                if (frame.MessageType == WebSocketMessageType.Binary)
                {
                    await EndAsync(
                        new InvalidDataException("The server sent a binary WebSocket message; MCP messages are text messages."),
                        WebSocketCloseStatus.InvalidMessageType).ConfigureAwait(false);
                    return;
                }

                message.Advance(frame.Count);
                if (message.WrittenCount > _maxMessageSize)
                {
                    await EndAsync(new MessageTooLargeException(_name, _maxMessageSize, message.WrittenCount), WebSocketCloseStatus.MessageTooBig).ConfigureAwait(false);
                    return;
                }

                if (frame.EndOfMessage)
                {
                    JsonRpcMessage? received;
                    try
                    {
                        received = JsonSerializer.Deserialize(message.WrittenSpan, s_messageTypeInfo);
                    }
                    catch (JsonException exception)
                    {
                        // Ends the session rather than skipping the message, which may be the answer a request waits for.
                        await EndAsync(exception, WebSocketCloseStatus.InvalidPayloadData).ConfigureAwait(false);
                        return;
                    }

                    message.ResetWrittenCount();
                    if (received is not null)
                    {
                        await WriteMessageAsync(received, _aborting.Token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            // Any failure ends the session, so that nothing waits on it: mostly the connection broke (the server process died,
            // the network failed, keep-alive pings went unanswered), or it was aborted on disposal, in which case the channel
            // is complete already and this changes nothing.
            SetDisconnected(new ClientTransportClosedException(new WebSocketClientCompletionDetails { Exception = exception }));
        }
    }

    /// <summary>
    /// Ends the session from the receive loop: answers the server's closing frame, or closes with <paramref name="closeStatus"/>
    /// when the server broke the protocol, then completes the channel with <paramref name="cause"/>.
    /// </summary>
    private async Task EndAsync(Exception cause, WebSocketCloseStatus? closeStatus = null)
    {
        // The server's closing frame came first, or ours does.
        var serverClosed = _socket.State is WebSocketState.CloseReceived or WebSocketState.Closed;
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await CloseOutputAsync(closeStatus ?? WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
        }

        SetDisconnected(new ClientTransportClosedException(new WebSocketClientCompletionDetails
        {
            Exception = cause,
            CloseStatus = serverClosed ? _socket.CloseStatus : closeStatus,
            CloseStatusDescription = serverClosed ? _socket.CloseStatusDescription : null,
        }));
    }

    /// <summary>Sends the closing frame once any message being sent is out; the receive loop then sees the server's.</summary>
    private async Task CloseOutputAsync(WebSocketCloseStatus status, string description)
    {
        using CancellationTokenSource timeout = new(s_closeTimeout);
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The connection is already broken, or the server stopped reading; there is nobody left to tell.
        }
    }
}
