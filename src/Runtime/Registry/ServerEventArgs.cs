using McpFleet.Configuration;

namespace McpFleet.Registry;

/// <summary>A server joined or left the fleet.</summary>
public sealed class ServerEventArgs(ServerDefinition server) : EventArgs
{
    /// <summary>The server's definition; its <see cref="object.ToString"/> reveals no secret.</summary>
    public ServerDefinition Server { get; } = server;
}
