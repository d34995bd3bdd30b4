using McpFleet.Configuration;
using McpFleet.Connections;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet;

public sealed partial class FleetRuntime
{
    /// <summary>
    /// Lists the tools a server offers now (every page), as the protocol describes them: for tools that no snapshot
    /// knows, e.g. in an interactive client or to check a server against its snapshot.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tools, in the order the server listed them.</returns>
    /// <exception cref="InvalidOperationException">No server of that name is in the fleet.</exception>
    /// <exception cref="ServerConnectionException">The server could not be reached, or the session ended during the request.</exception>
    /// <exception cref="McpException">The server refused the request.</exception>
    /// <exception cref="TimeoutException">No answer within <see cref="ConnectionOptions.RequestTimeout"/>.</exception>
    public async Task<IReadOnlyList<Tool>> ListToolsAsync(string serverName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var entry = _registry.Find(serverName)
            ?? throw new InvalidOperationException($"Server '{serverName}' is not in this fleet; servers: {string.Join(", ", ServerNames)}.");
        if (!entry.TryEnter())
        {
            throw new ServerConnectionException(entry.Name, ConnectionFailureKind.Unreachable, $"Server '{entry.Name}' is leaving the fleet.");
        }

        var requestTimeout = _options.Connection.RequestTimeout;
        using var timer = new CancellationTokenSource(requestTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        ModelContextProtocol.Client.McpClient? client = null;
        try
        {
            client = await entry.Connection.GetClientAsync(timeout.Token).ConfigureAwait(false);
            var tools = await client.ListToolsAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            return [.. tools.Select(tool => tool.ProtocolTool)];
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Server '{entry.Name}' did not list its tools within {requestTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception e) when (e is IOException or HttpRequestException && client is not null)
        {
            // The session is gone; the connection reopens it for the next request.
            entry.Connection.Discard(client);
            throw new ServerConnectionException(
                entry.Name, ConnectionFailureKind.Unreachable, SecretRedactor.Redact($"Server '{entry.Name}': the session ended while listing its tools ({e.Message}).", entry.Definition.Secrets), e);
        }
        finally
        {
            entry.Exit();
        }
    }
}
