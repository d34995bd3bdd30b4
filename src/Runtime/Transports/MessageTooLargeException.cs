using System.Globalization;
using ModelContextProtocol.Client;

namespace McpFleet.Transports;

/// <summary>
/// A server sent a message larger than the most the client accepts from it. The limit is enforced as the bytes arrive,
/// so nothing larger is ever buffered: a hostile or broken server cannot exhaust the client's memory with one huge or
/// endless message. On stdio and WebSocket the session ends with it, since the stream cannot be resynchronised.
/// </summary>
/// <remarks>Not an <see cref="IOException"/>: the SDK reads one of those on an event stream as the connection dropping,
/// and would wait for a reply that cannot come.</remarks>
public sealed class MessageTooLargeException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MessageTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public MessageTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MessageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a message of a server.</summary>
    /// <param name="serverName">The server's name.</param>
    /// <param name="limit">The most bytes accepted in one message.</param>
    /// <param name="size">The bytes of the message seen when the limit was passed (or the length the server declared).</param>
    public MessageTooLargeException(string serverName, long limit, long size)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Server '{serverName}' sent a message of at least {size:N0} bytes, more than the {limit:N0} bytes it may send; the message was dropped unread."))
    {
        ServerName = serverName;
        Limit = limit;
        Size = size;
    }

    /// <summary>The server's name.</summary>
    public string ServerName { get; } = "";

    /// <summary>The most bytes the client accepts in one message from this server.</summary>
    public long Limit { get; }

    /// <summary>How many bytes of the message had arrived when it passed the limit, or the length the server declared for it.</summary>
    public long Size { get; }

    /// <summary>The exception in <paramref name="failure"/>'s causes, as the SDK and HttpClient wrap it: inner exceptions,
    /// and the cause a closed transport reports.</summary>
    internal static MessageTooLargeException? FindIn(Exception failure)
    {
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case MessageTooLargeException found:
                    return found;
                case ClientTransportClosedException { Details.Exception: { } cause } when FindIn(cause) is { } found:
                    return found;
            }
        }

        return null;
    }
}
