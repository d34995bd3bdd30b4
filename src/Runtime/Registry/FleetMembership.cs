using McpFleet.Caching;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpFleet.Registry;

/// <summary>
/// Servers joining and leaving the running fleet, whoever asks (code, or a discovery source): a joining server is
/// announced (and connected at once when the fleet connects eagerly); a leaving one is announced and drained in the
/// background — no new calls, its calls in flight complete (up to the drain timeout), then its session ends. Either way
/// the service's warm sessions are chosen again.
/// </summary>
internal sealed class FleetMembership(
    ServerRegistry registry, ToolListCache toolLists, FleetEvents events, WarmSessions warm, BackgroundTasks background, TimeSpan drainTimeout, ILogger logger)
{
    private volatile bool _connectEagerly;

    /// <summary>From now on, servers connect as they join.</summary>
    public void ConnectEagerly() => _connectEagerly = true;

    /// <exception cref="InvalidOperationException">A server of that name is in the fleet.</exception>
    public void Add(ServerDefinition server) => Joined(registry.Add(server));

    /// <summary>Takes a server out; the returned task completes once it is drained and closed, or is null when no server has the name.</summary>
    public Task? Remove(string name) => registry.Remove(name) is { } entry ? Retire(entry) : null;

    /// <summary>Puts a changed definition in place of the current one, draining the old.</summary>
    public void Replace(ServerDefinition server)
    {
        var (old, replacement) = registry.Replace(server);
        if (old is not null)
        {
            _ = Retire(old);
        }

        Joined(replacement);
    }

    private void Joined(ServerEntry entry)
    {
        Log.ServerAdded(logger, entry.Name, entry.Definition.DescribeTarget());
        events.Raise(events.ServerAdded, new ServerEventArgs(entry.Definition));
        warm.Refresh(entry.Definition.Service);
        if (_connectEagerly)
        {
            background.Track(ConnectQuietlyAsync(entry));
        }
    }

    private Task Retire(ServerEntry entry)
    {
        Log.ServerRemoved(logger, entry.Name, entry.InFlight);
        toolLists.Invalidate(entry.Name);
        events.Raise(events.ServerRemoved, new ServerEventArgs(entry.Definition));
        warm.Refresh(entry.Definition.Service);
        return background.Track(RetireAsync(entry));
    }

    private async Task RetireAsync(ServerEntry entry)
    {
        await entry.DrainAsync(drainTimeout).ConfigureAwait(false);
        await entry.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Connects in the background; a failure is logged by the connection, which keeps reconnecting.</summary>
    internal static async Task ConnectQuietlyAsync(ServerEntry entry)
    {
        try
        {
            await entry.Connection.GetClientAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerConnectionException or ObjectDisposedException or OperationCanceledException)
        {
            // Logged by the connection, which keeps reconnecting.
        }
    }
}
