using McpFleet.Connections;
using ModelContextProtocol;

namespace McpFleet.Health;

/// <summary>
/// Probes one connected server now and then: every <see cref="HealthOptions.ProbeInterval"/> while it is healthy, every
/// <see cref="HealthOptions.RecoveryInterval"/> once it is unhealthy (the cool-down before a recovery probe). While the
/// server is disconnected its reconnection attempts are the probes. Results go to its <see cref="HealthFeed"/>.
/// </summary>
internal sealed class HealthMonitor(ServerConnection connection, HealthFeed feed, HealthOptions options, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>The latency of the last successful probe.</summary>
    public TimeSpan? LastProbeLatency { get; private set; }

    /// <summary>Starts probing, once.</summary>
    public void Start()
    {
        if (options.Enabled && _loop is null)
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var wait = feed.Tracker.Current == ServerHealth.Unhealthy ? options.RecoveryInterval : options.ProbeInterval;
                await Task.Delay(wait, timeProvider, stopping).ConfigureAwait(false);
                // Leased, so that an idle close waits for the probe; a probe is no use, so it keeps no session open.
                if (connection.TryLeaseCurrent() is { } session)
                {
                    using (session)
                    {
                        await ProbeAsync(session.Client, stopping).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ProbeAsync(ModelContextProtocol.Client.McpClient client, CancellationToken stopping)
    {
        using var timer = new CancellationTokenSource(options.ProbeTimeout, timeProvider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping, timer.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            await ServerProbe.ProbeAsync(client, timeout.Token).ConfigureAwait(false);
            LastProbeLatency = timeProvider.GetElapsedTime(started);
            feed.ProbeSucceeded();
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            feed.ProbeFailed($"a health probe got no answer within {options.ProbeTimeout.TotalSeconds:0.###} s");
        }
        catch (McpProtocolException e)
        {
            feed.ProbeFailed($"a health probe was refused ({e.ErrorCode})");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The session is gone (a process that exited, an HTTP server that stopped): reconnect.
            feed.ProbeFailed($"a health probe failed ({e.GetType().Name})");
            connection.Discard(client);
        }
    }
}
