using McpFleet.Connections;
using McpFleet.Registry;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet;

public sealed partial class FleetRuntime
{
    /// <summary>
    /// Reads a resource of one server. A server with replicas is read from one of its healthy instances, and from the
    /// next when one cannot be reached.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server (a replica is read on its own).</param>
    /// <param name="uri">The resource's URI, e.g. one of the snapshot's <c>resources</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The resource's contents, as the server sent them.</returns>
    /// <exception cref="InvalidOperationException">No server has that name.</exception>
    /// <exception cref="ServerConnectionException">No instance of the server could be reached, or the session ended during the request.</exception>
    /// <exception cref="McpException">The server refused the request (e.g. an unknown resource).</exception>
    /// <exception cref="TimeoutException">The server did not answer within <see cref="ConnectionOptions.RequestTimeout"/>.</exception>
    public Task<ReadResourceResult> ReadResourceAsync(string serverName, string uri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        return RequestAsync(serverName, $"read resource '{uri}'", (client, ct) => client.ReadResourceAsync(uri, cancellationToken: ct), cancellationToken);
    }

    /// <summary>
    /// Gets a prompt of one server, filled with <paramref name="arguments"/>. A server with replicas is asked through one
    /// of its healthy instances, and the next when one cannot be reached.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server (a replica is asked on its own).</param>
    /// <param name="promptName">The prompt's name, e.g. one of the snapshot's <c>prompts</c>.</param>
    /// <param name="arguments">The prompt's arguments by name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The prompt's messages, as the server sent them.</returns>
    /// <exception cref="InvalidOperationException">No server has that name.</exception>
    /// <exception cref="ServerConnectionException">No instance of the server could be reached, or the session ended during the request.</exception>
    /// <exception cref="McpException">The server refused the request (e.g. an unknown prompt or a missing argument).</exception>
    /// <exception cref="TimeoutException">The server did not answer within <see cref="ConnectionOptions.RequestTimeout"/>.</exception>
    public Task<GetPromptResult> GetPromptAsync(string serverName, string promptName, IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(promptName);
        var sent = arguments?.ToDictionary(argument => argument.Key, argument => (object?)argument.Value, StringComparer.Ordinal);
        return RequestAsync(serverName, $"get prompt '{promptName}'", (client, ct) => client.GetPromptAsync(promptName, sent, cancellationToken: ct), cancellationToken);
    }

    /// <summary>Sends one request to an instance of <paramref name="serverName"/>, passing over instances that cannot be reached.</summary>
    private async Task<TResult> RequestAsync<TResult>(
        string serverName, string what, Func<McpClient, CancellationToken, ValueTask<TResult>> send, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var instances = _registry.Find(serverName) is { Definition.ReplicaOf: not null } replica ? [replica] : _registry.InstancesOf(serverName);
        if (instances.IsEmpty)
        {
            throw NotInFleet(serverName);
        }

        ServerConnectionException? unreachable = null;
        foreach (var entry in instances.OrderBy(entry => entry.IsRoutable ? 0 : 1))
        {
            try
            {
                return await RequestOnAsync(entry, what, send, cancellationToken).ConfigureAwait(false);
            }
            catch (ServerConnectionException e)
            {
                unreachable = e;
            }
        }

        throw unreachable!;
    }

    private async Task<TResult> RequestOnAsync<TResult>(ServerEntry entry, string what, Func<McpClient, CancellationToken, ValueTask<TResult>> send, CancellationToken cancellationToken)
    {
        entry.Enter();
        var requestTimeout = _options.Connection.RequestTimeout;
        using var timeout = new RequestTimeout(requestTimeout, _options.TimeProvider, cancellationToken);
        McpClient? client = null;
        try
        {
            using var session = await entry.Connection.LeaseAsync(timeout.Token).ConfigureAwait(false);
            client = session.Client;
            return await send(client, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.HasExpired)
        {
            throw new TimeoutException($"Server '{entry.Name}' did not {what} within {requestTimeout.TotalSeconds:0.###} s.");
        }
        catch (McpProtocolException e)
        {
            throw new McpProtocolException(_secrets.Mask($"Server '{entry.Name}' could not {what}: {e.Message}"), _secrets.Wrap(e), e.ErrorCode);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && client is not null)
        {
            // The session is gone; the connection reopens it for the next request.
            entry.Connection.Discard(client);
            throw new ServerConnectionException(
                entry.Name, ConnectionFailureKind.Unreachable, _secrets.Mask($"Server '{entry.Name}': the session ended while asked to {what} ({e.Message})."), _secrets.Wrap(e));
        }
        finally
        {
            entry.Exit();
        }
    }
}
