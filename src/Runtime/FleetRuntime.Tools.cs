using McpFleet.Caching;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Registry;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet;

public sealed partial class FleetRuntime
{
    /// <summary>
    /// Lists the tools one server offers now, every page of them. With <see cref="FleetOptions.Caching"/> enabled, a list
    /// is reused for as long as the server's caching hints allow (<c>ttlMs</c>, and <c>cacheScope</c> private: only for
    /// callers with the same credentials), until the server announces a change.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server (a replica is listed on its own).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="InvalidOperationException">No server has that name.</exception>
    /// <exception cref="ServerConnectionException">The server could not be reached, or the session ended during the request.</exception>
    /// <exception cref="McpException">The server refused the request.</exception>
    /// <exception cref="TimeoutException">The server did not answer within <see cref="ConnectionOptions.RequestTimeout"/>.</exception>
    public async Task<IReadOnlyList<Tool>> ListToolsAsync(string serverName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var entry = _registry.Find(serverName)
            ?? throw NotInFleet(serverName);
        return await _toolListCache.ListAsync(entry.Definition, ct => FetchToolsAsync(entry, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why a server cannot be called: the configuration's reason when it is unavailable, otherwise the servers
    /// there are and the closest name.</summary>
    private InvalidOperationException NotInFleet(string serverName) =>
        new(UnknownServer.Message(serverName, _options.UnavailableServers.TryGetValue(serverName, out var reason) ? reason : null, ServerNames));

    private async Task<ToolList> FetchToolsAsync(ServerEntry entry, CancellationToken cancellationToken)
    {
        entry.Enter();

        var requestTimeout = _options.Connection.RequestTimeout;
        using var timeout = new RequestTimeout(requestTimeout, _options.TimeProvider, cancellationToken);
        McpClient? client = null;
        try
        {
            using var session = await entry.Connection.LeaseAsync(timeout.Token).ConfigureAwait(false);
            client = session.Client;
            // Page by page: the overload that gathers every page drops the caching hints.
            var pages = new List<ListToolsResult>();
            string? cursor = null;
            do
            {
                var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor }, timeout.Token).ConfigureAwait(false);
                pages.Add(page);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            return ToolList.FromPages(pages);
        }
        catch (OperationCanceledException) when (timeout.HasExpired)
        {
            throw new TimeoutException($"Server '{entry.Name}' did not list its tools within {requestTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception e) when (e is IOException or HttpRequestException && client is not null)
        {
            // The session is gone; the connection reopens it for the next request.
            entry.Connection.Discard(client);
            throw new ServerConnectionException(
                entry.Name, ConnectionFailureKind.Unreachable, _secrets.Mask($"Server '{entry.Name}': the session ended while listing its tools ({e.Message})."), _secrets.Wrap(e));
        }
        finally
        {
            entry.Exit();
        }
    }
}
