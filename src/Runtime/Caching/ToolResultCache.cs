using System.Collections.Concurrent;
using McpFleet.Configuration;
using McpFleet.Json;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFleet.Caching;

/// <summary>
/// The results of read-only tools while they are fresh, in an <see cref="ExpiringLruStore{TKey, TValue}"/>. A lookup
/// either finds a result, waits for an identical call already in flight (concurrent misses share one call), or makes
/// its caller the one that calls: that caller then stores what it got (<see cref="CacheFlight.Complete"/>) or lets the
/// others call again (<see cref="CacheFlight.Fail"/>). Whether a call is cached at all is the call path's decision.
/// </summary>
internal sealed class ToolResultCache(CachingOptions options, TimeProvider time, FleetTelemetry telemetry, ILogger logger)
{
    private readonly Func<string?>? _partitionKey = options.PartitionKey;
    private readonly ExpiringLruStore<ToolResultCacheKey, CachedToolResult> _store = new(options.MaxEntries, options.MaxBytes, time);
    private readonly ConcurrentDictionary<ToolResultCacheKey, Task<CachedToolResult>> _inFlight = new();
    private readonly ConcurrentDictionary<(string Scope, string Tool), bool> _reportedNotReadOnly = new();

    /// <summary>Looks a call up.</summary>
    /// <param name="kind">Whether <paramref name="scope"/> names a server or a unified tool.</param>
    /// <param name="scope">Where it was called: the server (shared by its replicas) or the unified tool.</param>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="servedBy">The servers, for telemetry.</param>
    /// <param name="servers">The servers the call may go to: their credentials partition the cache.</param>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    public async ValueTask<CacheLookup> LookUpAsync(
        CacheScopeKind kind, string scope, string toolName, string servedBy, IEnumerable<ServerDefinition> servers, System.Text.Json.JsonElement arguments, CancellationToken cancellationToken)
    {
        var partition = await CredentialPartition.ComputeAsync(servers, _partitionKey, cancellationToken).ConfigureAwait(false);
        var key = new ToolResultCacheKey(kind, scope, toolName, CanonicalJson.Write(arguments), partition);
        while (true)
        {
            if (_store.TryGet(key, out var cached))
            {
                return Hit(servedBy, cached);
            }

            var flight = new TaskCompletionSource<CachedToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(key, flight.Task))
            {
                telemetry.CacheLookedUp(servedBy, toolName, hit: false);
                return new CacheLookup(null, new CacheFlight(this, key, flight));
            }

            if (_inFlight.TryGetValue(key, out var shared))
            {
                try
                {
                    return Hit(servedBy, await shared.WaitAsync(cancellationToken).ConfigureAwait(false));
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The caller that made the shared call gave up; this one calls again.
                }
            }
        }
    }

    /// <summary>Warns once that a tool named with a time-to-live is not read-only, so its results are not cached.</summary>
    public void NotReadOnly(string scope, string toolName)
    {
        if (_reportedNotReadOnly.TryAdd((scope, toolName), true))
        {
            Log.CachingSkippedNotReadOnly(logger, toolName, scope);
        }
    }

    private CacheLookup Hit(string servedBy, CachedToolResult cached)
    {
        telemetry.CacheLookedUp(servedBy, cached.Tool.ToolName, hit: true);
        using var activity = FleetTelemetry.StartCacheHit(cached.Tool.ServerName, cached.Tool.ToolName);
        Log.ToolResultFromCache(logger, cached.Tool.ToolName, cached.Tool.ServerName);
        return new CacheLookup(cached, null);
    }

    /// <summary>What a lookup found: a result, or the flight of the call its caller is now to make.</summary>
    internal readonly record struct CacheLookup(CachedToolResult? Hit, CacheFlight? Flight);

    /// <summary>The call one caller makes for everyone waiting on the same key.</summary>
    internal sealed class CacheFlight(ToolResultCache cache, ToolResultCacheKey key, TaskCompletionSource<CachedToolResult> flight)
    {
        /// <summary>Stores a successful result for its time-to-live and hands it to the callers waiting.</summary>
        public void Complete(CallToolResult result, ToolDescriptor tool, TimeSpan timeToLive)
        {
            var cached = CachedToolResult.Capture(result, tool);

            // Arguments are UTF-16 text in memory.
            cache._store.Set(key, cached, cached.Size + ((long)key.Arguments.Length * sizeof(char)), timeToLive);
            cache._inFlight.TryRemove(key, out _);
            flight.SetResult(cached);
        }

        /// <summary>Lets the callers waiting call again (this caller was cancelled) or fail with the same exception.</summary>
        public void Fail(Exception failure)
        {
            cache._inFlight.TryRemove(key, out _);
            if (failure is OperationCanceledException)
            {
                flight.SetCanceled(CancellationToken.None);
                return;
            }

            flight.SetException(failure);

            // Observed here: callers that shared the call rethrow it themselves, and nobody else may be waiting.
            _ = flight.Task.Exception;
        }
    }
}
