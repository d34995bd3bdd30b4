using System.Net.WebSockets;
using ModelContextProtocol.Client;

namespace McpFleet.Transports;

/// <summary>
/// How a <see cref="WebSocketClientTransport"/> session that the client did not end came to an end, from <c>McpClient.Completion</c>
/// or a failed call's <see cref="ClientTransportClosedException.Details"/>: the closing status, and in
/// <see cref="ClientCompletionDetails.Exception"/> the cause.
/// </summary>
public sealed class WebSocketClientCompletionDetails : ClientCompletionDetails
{
    /// <summary>
    /// The status the connection was closed with: the server's, or the client's own when the server broke the protocol
    /// (<see cref="WebSocketCloseStatus.MessageTooBig"/>, <see cref="WebSocketCloseStatus.InvalidMessageType"/>,
    /// <see cref="WebSocketCloseStatus.InvalidPayloadData"/>); <see langword="null"/> if the connection broke without a closing handshake.
    /// </summary>
    public WebSocketCloseStatus? CloseStatus { get; init; }

    /// <summary>The description in the server's closing frame, as the server wrote it.</summary>
    public string? CloseStatusDescription { get; init; }
}
