using McpFleet.Configuration;

namespace McpFleet.Discovery;

/// <summary>
/// A source of the fleet's servers that can change while the application runs: a watched <c>mcp.json</c>, a DNS name,
/// an etcd key prefix. The runtime reconciles each set it yields with the previous one: new servers join (and their
/// replica groups), servers that are gone are drained (calls in flight complete, no new ones start), changed ones are
/// replaced.
/// </summary>
public interface IServerDiscovery
{
    /// <summary>A short description for logs, e.g. <c>etcd http://127.0.0.1:2379 /mcp/servers/</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Yields the complete set of servers this source knows: first the current set, then the whole set again after every
    /// change. Server names are unique within a set. The sequence ends when <paramref name="cancellationToken"/> is
    /// cancelled; a transient failure of the source is logged by the source and retried, not thrown.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<ServerDefinition>> WatchAsync(CancellationToken cancellationToken);
}
