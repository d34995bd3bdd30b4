namespace McpFleet.Connections;

/// <summary>
/// A server of the fleet could not be reached or did not speak MCP. The message names the server and the cause and
/// never contains the server's configured secrets.
/// </summary>
public sealed class ServerConnectionException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ServerConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ServerConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ServerConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a server.</summary>
    /// <param name="serverName">The fleet's name for the server.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">The message, naming the server and the cause; it must not contain secrets.</param>
    /// <param name="innerException">The cause, if it reveals no secret.</param>
    public ServerConnectionException(string serverName, ConnectionFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerName = serverName;
        Kind = kind;
    }

    /// <summary>The fleet's name for the server.</summary>
    public string ServerName { get; } = "";

    /// <summary>What went wrong.</summary>
    public ConnectionFailureKind Kind { get; }
}
