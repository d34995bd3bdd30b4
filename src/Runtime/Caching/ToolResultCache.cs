using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Json;
using McpFleet.Telemetry;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;

namespace McpFleet.Caching;

/// <summary>
/// Stands in front of dispatch: answers calls of read-only tools from an <see cref="ExpiringLruStore{TKey, TValue}"/> while their results
/// are fresh, and lets concurrent identical misses share one call. Tools that are not read-only, and every tool while
/// caching is off, go straight to dispatch.
/// </summary>
internal sealed class ToolResultCache
{
    private readonly bool _enabled;
    private readonly TimeSpan _defaultTimeToLive;
    private readonly FrozenDictionary<string, TimeSpan> _toolTimeToLive;
    private readonly Func<string?>? _partitionKey;
    private readonly ExpiringLruStore<ToolResultCacheKey, CachedToolResult> _store;
    private readonly FleetTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ToolResultCacheKey, Task<CachedToolResult>> _inFlight = new();
    private readonly ConcurrentDictionary<(string Scope, string Tool), bool> _reportedNotReadOnly = new();

    /// <summary>Creates the cache from validated options, copying them, as the runtime copies its routing options.</summary>
    public ToolResultCache(CachingOptions options, TimeProvider time, FleetTelemetry telemetry, ILogger logger)
    {
        _enabled = options.Enabled;
        _defaultTimeToLive = options.DefaultTimeToLive;
        _toolTimeToLive = options.ToolTimeToLive.ToFrozenDictionary(StringComparer.Ordinal);
        _partitionKey = options.PartitionKey;
        _store = new ExpiringLruStore<ToolResultCacheKey, CachedToolResult>(options.MaxEntries, options.MaxBytes, time);
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <summary>Calls a server's tool through the cache.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="servers">The servers the call may go to: their credentials partition the cache.</param>
    /// <param name="arguments">The arguments, as sent.</param>
    /// <param name="call">Dispatches the call.</param>
    /// <param name="cancellationToken">Cancels this caller's wait, and the call if this caller made it.</param>
    public Task<TResult> CallAsync<TResult>(
        ToolDescriptor tool,
        IEnumerable<ServerDefinition> servers,
        Dictionary<string, JsonElement> arguments,
        Func<CancellationToken, Task<CapturedToolResult<TResult>>> call,
        CancellationToken cancellationToken)
        where TResult : IToolResult<TResult> =>
        _enabled
            ? CallAsync(CacheScopeKind.Server, tool.ServerName, tool.ToolName, [tool], tool.ServerName, servers, arguments, call, cancellationToken)
            : UncachedAsync(call, cancellationToken);

    /// <summary>Calls a unified tool through the cache: one entry serves the whole replica group.</summary>
    /// <inheritdoc cref="CallAsync{TResult}(ToolDescriptor, IEnumerable{ServerDefinition}, Dictionary{string, JsonElement}, Func{CancellationToken, Task{CapturedToolResult{TResult}}}, CancellationToken)"/>
    public Task<TResult> CallAsync<TResult>(
        ToolGroupDescriptor group,
        IEnumerable<ServerDefinition> servers,
        Dictionary<string, JsonElement> arguments,
        Func<CancellationToken, Task<CapturedToolResult<TResult>>> call,
        CancellationToken cancellationToken)
        where TResult : IToolResult<TResult> =>
        _enabled
            ? CallAsync(
                CacheScopeKind.ToolGroup,
                group.ToolName,
                group.ToolName,
                [.. group.Members.Select(member => member.Tool)],
                string.Join(',', group.Members.Select(member => member.Tool.ServerName)),
                servers,
                arguments,
                call,
                cancellationToken)
            : UncachedAsync(call, cancellationToken);

    private static async Task<TResult> UncachedAsync<TResult>(Func<CancellationToken, Task<CapturedToolResult<TResult>>> call, CancellationToken cancellationToken)
        where TResult : IToolResult<TResult> =>
        (await call(cancellationToken).ConfigureAwait(false)).Value;

    private async Task<TResult> CallAsync<TResult>(
        CacheScopeKind kind,
        string scope,
        string toolName,
        ToolDescriptor[] tools,
        string servedBy,
        IEnumerable<ServerDefinition> servers,
        Dictionary<string, JsonElement> arguments,
        Func<CancellationToken, Task<CapturedToolResult<TResult>>> call,
        CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        if (TimeToLive(scope, toolName, tools) is not { } timeToLive)
        {
            return await UncachedAsync(call, cancellationToken).ConfigureAwait(false);
        }

        var partition = await CredentialPartition.ComputeAsync(servers, _partitionKey, cancellationToken).ConfigureAwait(false);
        var key = new ToolResultCacheKey(kind, scope, toolName, CanonicalJson.Write(arguments), partition);
        while (true)
        {
            if (_store.TryGet(key, out var cached))
            {
                return Hit<TResult>(servedBy, cached);
            }

            var flight = new TaskCompletionSource<CachedToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(key, flight.Task))
            {
                _telemetry.CacheLookedUp(servedBy, toolName, hit: false);
                return await CallAndStoreAsync(key, timeToLive, flight, call, cancellationToken).ConfigureAwait(false);
            }

            if (_inFlight.TryGetValue(key, out var shared))
            {
                try
                {
                    return Hit<TResult>(servedBy, await shared.WaitAsync(cancellationToken).ConfigureAwait(false));
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The caller that made the shared call gave up; this one calls again.
                }
            }
        }
    }

    private async Task<TResult> CallAndStoreAsync<TResult>(
        ToolResultCacheKey key,
        TimeSpan timeToLive,
        TaskCompletionSource<CachedToolResult> flight,
        Func<CancellationToken, Task<CapturedToolResult<TResult>>> call,
        CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        try
        {
            var captured = await call(cancellationToken).ConfigureAwait(false);
            var result = CachedToolResult.Capture(captured.Raw, captured.Tool);
            // Dispatch throws for isError results, so only successful ones get here; the check keeps it that way.
            if (captured.Raw.IsError != true)
            {
                // Arguments are UTF-16 text in memory.
                _store.Set(key, result, result.Size + ((long)key.Arguments.Length * sizeof(char)), timeToLive);
            }

            _inFlight.TryRemove(key, out _);
            flight.SetResult(result);
            return captured.Value;
        }
        catch (OperationCanceledException)
        {
            _inFlight.TryRemove(key, out _);
            flight.SetCanceled(CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            _inFlight.TryRemove(key, out _);
            flight.SetException(e);
            // Observed here: callers that shared the call rethrow it themselves, and nobody else may be waiting.
            _ = flight.Task.Exception;
            throw;
        }
    }

    private TResult Hit<TResult>(string servedBy, CachedToolResult cached)
        where TResult : IToolResult<TResult>
    {
        _telemetry.CacheLookedUp(servedBy, cached.Tool.ToolName, hit: true);
        using var activity = FleetTelemetry.StartCacheHit(cached.Tool.ServerName, cached.Tool.ToolName);
        Log.ToolResultFromCache(_logger, cached.Tool.ToolName, cached.Tool.ServerName);
        return TResult.FromCallToolResult(cached.Read(), cached.Tool);
    }

    /// <summary>How long the tool's results stay fresh, or <see langword="null"/> when they are not cached.</summary>
    private TimeSpan? TimeToLive(string scope, string toolName, ToolDescriptor[] tools)
    {
        var configured = _toolTimeToLive.TryGetValue(toolName, out var timeToLive);
        if (!configured)
        {
            timeToLive = _defaultTimeToLive;
        }

        if (timeToLive <= TimeSpan.Zero)
        {
            return null;
        }

        if (tools.Any(tool => !tool.Hints.IsReadOnly))
        {
            // Naming such a tool is a mistake worth a warning; falling under the default time-to-live is not.
            if (configured && _reportedNotReadOnly.TryAdd((scope, toolName), true))
            {
                Log.CachingSkippedNotReadOnly(_logger, toolName, scope);
            }

            return null;
        }

        return timeToLive;
    }
}
