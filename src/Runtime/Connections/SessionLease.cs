using ModelContextProtocol.Client;

namespace McpFleet.Connections;

/// <summary>
/// A session held for one request: while any lease is held the session is not closed for idleness. Dispose it when the
/// request is over.
/// </summary>
internal readonly struct SessionLease(ServerConnection connection, McpClient client, bool countsAsUse) : IDisposable
{
    public McpClient Client => client;

    public void Dispose() => connection.Release(countsAsUse);
}
