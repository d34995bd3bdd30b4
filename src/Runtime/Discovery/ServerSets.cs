using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using McpFleet.Configuration;

namespace McpFleet.Discovery;

/// <summary>What every provider's <see cref="IServerDiscovery.WatchAsync"/> promises, in one place.</summary>
internal static class ServerSets
{
    /// <summary>
    /// Turns a source's readings into the sets a provider yields: each sorted by name (ordinal) into an immutable copy,
    /// so a source may reuse its collection; only those that differ from the previous one; and an end without an
    /// exception when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<ServerDefinition>> DistinctChangesAsync(
        IAsyncEnumerable<IEnumerable<ServerDefinition>> readings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ImmutableArray<ServerDefinition>? previous = null;
        await using var reading = readings.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await reading.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            ImmutableArray<ServerDefinition> current = [.. reading.Current.OrderBy(server => server.Name, StringComparer.Ordinal)];
            if (previous is null || !previous.Value.SequenceEqual(current))
            {
                previous = current;
                yield return current;
            }
        }
    }
}
