using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using McpFleet.Configuration;

namespace McpFleet.Discovery;

/// <summary>A fixed set of servers, e.g. from code or from configuration read once, behind the discovery interface.</summary>
public sealed class StaticDiscovery : IServerDiscovery
{
    private readonly ImmutableArray<ServerDefinition> _servers;

    /// <summary>Takes a copy of the servers in <paramref name="options"/>.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    public StaticDiscovery(StaticDiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _servers = [.. options.Servers];
    }

    /// <inheritdoc />
    public string Name => $"static ({_servers.Length} servers)";

    /// <summary>Yields the servers once, then waits for <paramref name="cancellationToken"/>.</summary>
    public IAsyncEnumerable<IReadOnlyList<ServerDefinition>> WatchAsync(CancellationToken cancellationToken) =>
        ServerSets.DistinctChangesAsync(ReadAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<IEnumerable<ServerDefinition>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return _servers;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }
}
