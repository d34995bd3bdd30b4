using McpFleet.Configuration;
using ModelContextProtocol.Client;

namespace McpFleet.Connections;

/// <summary>
/// The session with one server: opened on first use, shared by concurrent callers, and opened again on the next
/// call after the server ended it (a crashed process, a lost HTTP session).
/// </summary>
internal sealed class ServerConnection(ServerDefinition definition, string? protocolVersion, ServerConnector connector) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private McpClient? _client;
    private bool _disposed;

    public ServerDefinition Definition => definition;

    /// <summary>A live session, opening one if there is none.</summary>
    /// <exception cref="ServerConnectionException">The server could not be reached.</exception>
    public async ValueTask<McpClient> GetClientAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _client) is { Completion.IsCompleted: false } live)
        {
            return live;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is { Completion.IsCompleted: false } current)
            {
                return current;
            }

            if (_client is { } ended)
            {
                _client = null;
                await ended.DisposeAsync().ConfigureAwait(false);
            }

            var client = await connector.ConnectAsync(definition, protocolVersion, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _client, client);
            return client;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Drops a session a call found dead, so the next call opens a new one; the session's own completion can lag
    /// behind the failure the call saw.
    /// </summary>
    public async ValueTask DiscardAsync(McpClient client)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(_client, client))
            {
                return; // already replaced
            }

            _client = null;
        }
        finally
        {
            _gate.Release();
        }

        await client.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_client is { } client)
            {
                _client = null;
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
