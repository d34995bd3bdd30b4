using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Registry;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace McpFleet.Discovery;

/// <summary>
/// Keeps the fleet in line with its discovery sources: each source is watched in the background, and each set it
/// reports is reconciled with the servers it reported before (new ones join, missing ones drain, changed ones are
/// replaced). A watch that fails is started again by Polly, with exponential backoff and jitter from
/// <see cref="ConnectionOptions.ReconnectDelay"/> to <see cref="ConnectionOptions.MaxReconnectDelay"/>, keeping the servers
/// the source last reported; one that ends is started again after <see cref="ConnectionOptions.ReconnectDelay"/>.
/// </summary>
internal sealed class DiscoveryWatcher(IReadOnlyList<IServerDiscovery> sources, FleetMembership membership, ServerRegistry registry, ConnectionOptions connection, TimeProvider time, BackgroundTasks background, ILogger logger)
{
    /// <summary>Starts every source and waits for their first sets, for at most the connect timeout.</summary>
    public async Task StartAsync(CancellationToken stopping)
    {
        if (sources.Count == 0)
        {
            return;
        }

        var initial = sources.Select(source =>
        {
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            background.Track(WatchAsync(source, first, stopping));
            return first.Task;
        }).ToArray();

        // A source that cannot answer at first does not hold the fleet up for ever.
        try
        {
            await Task.WhenAll(initial).WaitAsync(connection.ConnectTimeout, time, stopping).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.DiscoveryFailed(logger, "startup", $"not every discovery source answered within {connection.ConnectTimeout}");
        }
    }

    private async Task WatchAsync(IServerDiscovery source, TaskCompletionSource first, CancellationToken stopping)
    {
        var owned = new Dictionary<string, ServerDefinition>(StringComparer.Ordinal);
        var rewatch = new ResiliencePipelineBuilder { TimeProvider = time, Name = "McpFleet.Discovery", InstanceName = source.Name }
            .AddRetry(new RetryStrategyOptions
            {
                // Sources retry their own transient failures; what escapes (a watcher that cannot start, a bug) is retried here.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !stopping.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = connection.ReconnectDelay,
                MaxDelay = connection.MaxReconnectDelay,
                OnRetry = args =>
                {
                    var e = args.Outcome.Exception!;
                    Log.DiscoveryFailed(logger, source.Name, $"{e.GetType().Name}: {e.Message}; watching again in {args.RetryDelay}");
                    return default;
                },
            })
            .Build();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await rewatch.ExecuteAsync(
                    async token =>
                    {
                        await foreach (var servers in source.WatchAsync(token).ConfigureAwait(false))
                        {
                            owned = Reconcile(source, owned, servers);
                            first.TrySetResult();
                        }
                    },
                    stopping).ConfigureAwait(false);
                await Task.Delay(connection.ReconnectDelay, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The fleet is shutting down.
        }
        finally
        {
            first.TrySetResult();
        }
    }

    /// <summary>Brings the fleet in line with a source's latest set. Returns the servers the source now owns.</summary>
    private Dictionary<string, ServerDefinition> Reconcile(IServerDiscovery source, Dictionary<string, ServerDefinition> owned, IReadOnlyList<ServerDefinition> servers)
    {
        var next = new Dictionary<string, ServerDefinition>(StringComparer.Ordinal);
        foreach (var server in servers)
        {
            if (owned.ContainsKey(server.Name) || registry.Find(server.Name) is null)
            {
                next.TryAdd(server.Name, server);
            }
            else
            {
                Log.DiscoveryFailed(logger, source.Name, $"server '{server.Name}' is already in the fleet from another source; ignored");
            }
        }

        foreach (var gone in owned.Keys.Where(name => !next.ContainsKey(name)))
        {
            _ = membership.Remove(gone);
        }

        foreach (var (name, server) in next)
        {
            if (!owned.TryGetValue(name, out var previous))
            {
                membership.Add(server);
            }
            else if (!previous.Equals(server))
            {
                membership.Replace(server);
            }
        }

        return next;
    }
}
