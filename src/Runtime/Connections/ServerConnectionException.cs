namespace McpFleet.Connections;

/// <summary>
/// A server of the fleet could not be reached or did not speak MCP. The message names the server and the cause and
/// never contains the server's configured secrets.
/// </summary>
public sealed class ServerConnectionException : Exception
{
    public ServerConnectionException()
    {
    }

    public ServerConnectionException(string message)
        : base(message)
    {
    }

    public ServerConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

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
