using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpFleet.Configuration;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.Caching;

/// <summary>
/// Keeps servers' tool lists for as long as the servers' own caching hints allow (<c>ttlMs</c> and <c>cacheScope</c>,
/// SEP-2549, protocol revision 2026-07-28): a public list serves every caller, a private one only callers with the same
/// credentials. <c>tools/list_changed</c> and a server leaving the fleet drop a server's lists at once.
/// </summary>
/// <remarks>
/// <c>tools/call</c> results carry no such hints in any protocol revision, so <see cref="ToolResultCache"/> relies on
/// the configured time-to-live and the tools' read-only hints instead.
/// </remarks>
internal sealed class ToolListCache
{
    private static readonly JsonTypeInfo<ListToolsResult> s_typeInfo = (JsonTypeInfo<ListToolsResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult));

    private readonly bool _enabled;
    private readonly Func<string?>? _partitionKey;
    private readonly ExpiringLruStore<ToolListCacheKey, byte[]> _store;
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public ToolListCache(CachingOptions options, TimeProvider time)
    {
        _enabled = options.Enabled;
        _partitionKey = options.PartitionKey;
        _store = new ExpiringLruStore<ToolListCacheKey, byte[]>(options.MaxEntries, options.MaxBytes, time);
    }

    /// <summary>The server's tools: from the cache while the server's hints say they are fresh, otherwise from <paramref name="fetch"/>.</summary>
    public async Task<IReadOnlyList<Tool>> ListAsync(ServerDefinition server, Func<CancellationToken, Task<ToolList>> fetch, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return (await fetch(cancellationToken).ConfigureAwait(false)).Tools;
        }

        if (_store.TryGet(new ToolListCacheKey(server.Name, ToolListCacheKey.PublicPartition), out var shared))
        {
            return Read(shared);
        }

        // Computed before fetching, so a list is kept under the credentials it was fetched with.
        var partition = await CredentialPartition.ComputeAsync([server], _partitionKey, cancellationToken).ConfigureAwait(false);
        if (_store.TryGet(new ToolListCacheKey(server.Name, partition), out var own))
        {
            return Read(own);
        }

        var generation = _generations.GetValueOrDefault(server.Name);
        var list = await fetch(cancellationToken).ConfigureAwait(false);
        if (list.TimeToLive > TimeSpan.Zero)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new ListToolsResult { Tools = [.. list.Tools] }, s_typeInfo);
            var key = new ToolListCacheKey(server.Name, list.Scope == CacheScope.Private ? partition : ToolListCacheKey.PublicPartition);
            _store.Set(key, json, json.Length, list.TimeToLive);
            // A change announced while the list was on its way makes it stale already.
            if (_generations.GetValueOrDefault(server.Name) != generation)
            {
                _store.Remove(key);
            }
        }

        return list.Tools;
    }

    /// <summary>Drops the server's lists: its tools changed, or it left the fleet.</summary>
    public void Invalidate(string server)
    {
        _generations.AddOrUpdate(server, 1, (_, generation) => generation + 1);
        _store.RemoveWhere(key => key.Server == server);
    }

    // Every caller gets tools of its own, so one changing them cannot change another's.
    private static IReadOnlyList<Tool> Read(byte[] json) =>
        [.. (JsonSerializer.Deserialize(json, s_typeInfo) ?? throw new InvalidOperationException("A cached tool list read back as null.")).Tools];
}
