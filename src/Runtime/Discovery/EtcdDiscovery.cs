using System.Runtime.CompilerServices;
using System.Text.Json;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace McpFleet.Discovery;

/// <summary>
/// The servers stored under a key prefix in etcd, one <c>mcp.json</c> server entry (JSON) per key, named by the key
/// without the prefix. The prefix is listed, then watched from the listed revision on, through etcd's v3 JSON gateway.
/// When the watch ends (etcd restarted, the connection dropped, the history was compacted) the prefix is listed and
/// watched again; failures are logged and retried with backoff while the servers stay as they were. An entry that is
/// not a valid server is logged by its key and skipped.
/// </summary>
public sealed class EtcdDiscovery : IServerDiscovery
{
    private static readonly JsonDocumentOptions s_entryOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Uri _endpoint;
    private readonly string _prefix;
    private readonly EtcdKeyRange _range;
    private readonly HttpClient? _httpClient;
    private readonly TimeSpan _requestTimeout;
    private readonly (string Username, string Password)? _credentials;
    private readonly bool _allowStdioServers;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates the provider; nothing is requested until <see cref="WatchAsync"/>.</summary>
    /// <param name="options">Where the servers are; validated and copied here.</param>
    /// <param name="loggerFactory">Receives the provider's logs.</param>
    /// <param name="timeProvider">Times the request timeout and the retries; the system clock by default.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    public EtcdDiscovery(EtcdDiscoveryOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // A trailing slash keeps a gateway behind a path (https://proxy/etcd) when the API paths are appended.
        _endpoint = options.Endpoint!.AbsolutePath.EndsWith('/') ? options.Endpoint : new Uri(options.Endpoint + "/");
        _prefix = options.Prefix;
        _range = EtcdKeyRange.ForPrefix(options.Prefix);
        _httpClient = options.HttpClient;
        _requestTimeout = options.RequestTimeout;
        _credentials = options.Username is { Length: > 0 } username ? (username, options.Password!) : null;
        _allowStdioServers = options.AllowStdioServers;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EtcdDiscovery>();
        _retry = DiscoveryRetry.Create(Name, options.RetryDelay, options.MaxRetryDelay, _timeProvider, _logger);
    }

    /// <inheritdoc />
    public string Name => $"etcd {_endpoint.ToString().TrimEnd('/')} {_prefix}";

    /// <inheritdoc />
    public IAsyncEnumerable<IReadOnlyList<ServerDefinition>> WatchAsync(CancellationToken cancellationToken) =>
        ServerSets.DistinctChangesAsync(ListAndWatchAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<IEnumerable<ServerDefinition>> ListAndWatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var ownHttpClient = _httpClient is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        var gateway = new EtcdGatewayClient(_httpClient ?? ownHttpClient!, _endpoint, _requestTimeout, _timeProvider);
        var servers = new Dictionary<string, ServerDefinition>(StringComparer.Ordinal);
        while (true)
        {
            var (entries, watch) = await _retry
                .ExecuteAsync(token => ListAndOpenWatchAsync(gateway, token), cancellationToken)
                .ConfigureAwait(false);
            using (watch)
            {
                servers.Clear();
                Apply(servers, entries);
                yield return servers.Values;
                while (await ReadChangesAsync(watch, cancellationToken).ConfigureAwait(false) is { } changes)
                {
                    Apply(servers, changes);
                    yield return servers.Values;
                }
            }
        }
    }

    /// <summary>Lists the prefix and watches it from the next revision, so that the watch sees exactly the changes the
    /// list does not. A fresh token each time: simple tokens expire.</summary>
    private async ValueTask<(IReadOnlyList<EtcdEntry> Entries, EtcdWatchStream Watch)> ListAndOpenWatchAsync(
        EtcdGatewayClient gateway, CancellationToken cancellationToken)
    {
        var token = _credentials is (var username, var password)
            ? await gateway.AuthenticateAsync(username, password, cancellationToken).ConfigureAwait(false)
            : null;
        var (revision, entries) = await gateway.RangeAsync(_range, token, cancellationToken).ConfigureAwait(false);
        var watch = await gateway.WatchAsync(_range, revision + 1, token, cancellationToken).ConfigureAwait(false);
        return (entries, watch);
    }

    /// <summary>The next changes; <see langword="null"/> once the watch is over, for whatever reason (logged).</summary>
    private async Task<IReadOnlyList<EtcdEntry>?> ReadChangesAsync(EtcdWatchStream watch, CancellationToken cancellationToken)
    {
        try
        {
            var changes = await watch.ReadChangesAsync(cancellationToken).ConfigureAwait(false);
            if (changes is null)
            {
                DiscoveryLog.WatchEnded(_logger, Name, watch.EndReason);
            }

            return changes;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A broken connection, a timeout, or a garbled line: all end the watch, none ends the enumeration.
            DiscoveryLog.WatchEnded(_logger, Name, e.Message);
            return null;
        }
    }

    private void Apply(Dictionary<string, ServerDefinition> servers, IEnumerable<EtcdEntry> entries)
    {
        foreach (var entry in entries)
        {
            var name = entry.Key[_prefix.Length..];
            servers.Remove(name);
            if (entry.Value is not null && Parse(name, entry) is { } server)
            {
                servers.Add(name, server);
            }
        }
    }

    /// <summary>The server an entry describes; <see langword="null"/> when it is disabled or cannot be used (logged by key,
    /// never by value).</summary>
    private ServerDefinition? Parse(string name, EtcdEntry entry)
    {
        string reason;
        try
        {
            using var document = JsonDocument.Parse(entry.Value, s_entryOptions);
            var server = McpConfiguration.ParseServer(name, document.RootElement, $"etcd key '{entry.Key}'");
            if (server is not { Transport: TransportKind.Stdio } || _allowStdioServers)
            {
                return server;
            }

            reason = $"stdio servers are not accepted from etcd unless {nameof(EtcdDiscoveryOptions.AllowStdioServers)} is set.";
        }
        catch (JsonException e)
        {
            reason = $"the value is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
        }
        catch (McpConfigurationException e)
        {
            reason = e.Message;
        }

        DiscoveryLog.EntrySkipped(_logger, Name, entry.Key, reason);
        return null;
    }
}
