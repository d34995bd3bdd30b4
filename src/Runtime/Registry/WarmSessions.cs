using McpFleet.Connections;

namespace McpFleet.Registry;

/// <summary>
/// Keeps the sessions of the first <c>count</c> instances (by name) of each service open: they are exempt from the idle
/// timeout and, once the fleet has started, connected as soon as they become warm. A lost warm session needs nothing
/// from here: its connection reconnects by itself.
/// </summary>
internal sealed class WarmSessions(ServerRegistry registry, int count, BackgroundTasks background)
{
    private volatile bool _started;

    /// <summary>From now on, warm sessions are opened; opens those of every service.</summary>
    public void Start()
    {
        _started = true;
        foreach (var service in registry.All.Select(entry => entry.Definition.Service).Distinct(StringComparer.Ordinal))
        {
            Refresh(service);
        }
    }

    /// <summary>Decides again which instances of <paramref name="service"/> are warm, after one joined or left.</summary>
    public void Refresh(string service)
    {
        if (count == 0)
        {
            return;
        }

        var instances = registry.InstancesOf(service);
        for (var i = 0; i < instances.Length; i++)
        {
            var entry = instances[i];
            entry.Connection.KeepWarm = i < count;
            if (i < count && _started && !entry.Connection.IsConnected)
            {
                background.Track(FleetMembership.ConnectQuietlyAsync(entry));
            }
        }
    }
}
