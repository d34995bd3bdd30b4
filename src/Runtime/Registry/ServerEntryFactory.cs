using McpFleet.Caching;
using McpFleet.Calls;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Resilience;
using McpFleet.Secrets;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpFleet.Registry;

/// <summary>
/// Builds a server instance as it joins the fleet, and wires it once: its connection (with the protocol revision its
/// snapshot recorded), health feed and probes, circuit breakers, drift guard, and what its connection's events lead to
/// (probing once connected, a tool list change's invalidation and coalesced drift re-check). Events reach the fleet's
/// handlers with every secret masked.
/// </summary>
internal sealed class ServerEntryFactory(
    FleetOptions options,
    IReadOnlyDictionary<string, string?> recordedProtocolVersions,
    ServerConnector connector,
    DriftMonitor drift,
    CallSettingsTable settings,
    ToolListCache toolLists,
    FleetSecrets secrets,
    FleetEvents events,
    FleetTelemetry telemetry,
    ILogger logger)
{
    public ServerEntry Create(ServerDefinition definition)
    {
        secrets.Add(definition);
        var time = options.TimeProvider;

        // The snapshot's revision skips the discovery probe, which costs a server that ignores it 5 s.
        var protocolVersion = definition.ProtocolVersion ?? options.Connection.ProtocolVersion ?? recordedProtocolVersions.GetValueOrDefault(definition.Service);
        var guard = drift.CreateGuard(definition);
        var connection = new ServerConnection(definition, protocolVersion, connector, options.Connection, time, options.Sessions.IdleTimeout, logger, guard.CheckSessionAsync);
        var tracker = new HealthTracker(definition.Name, options.Health.FailureThreshold, time);
        var health = new HealthFeed(tracker, connection);
        var breakers = new ReplicaBreakers(
            definition.Name,
            options.Resilience.ServerBreaker(definition.Name),
            tool => settings.ToolBreaker(definition.Service, tool),
            time,
            (tool, state, reason) => CircuitChanged(definition.Name, tool, state, reason, health));
        var monitor = new HealthMonitor(connection, health, options.Health, time);
        var entry = new ServerEntry(definition, connection, health, monitor, breakers, guard, options.Connection.MaxConcurrentCalls, time);
        tracker.Changed += (_, change) => HealthChanged(entry, change);
        connection.Connected += (_, _) => monitor.Start();
        connection.IdleClosed += _ => telemetry.SessionIdleClosed(definition.Name);
        connection.ToolListChanged += (_, client, sessionEnded) => ToolListChanged(entry, client, sessionEnded);
        return entry;
    }

    private void HealthChanged(ServerEntry entry, ServerHealthChangedEventArgs change)
    {
        entry.State.Health = change.Current;
        var masked = new ServerHealthChangedEventArgs(change.ServerName, change.Previous, change.Current, secrets.Mask(change.Reason), change.Timestamp);
        telemetry.HealthChanged(entry.Name, change.Current);
        Log.HealthChanged(logger, entry.Name, change.Current, change.Previous, masked.Reason);
        events.Raise(events.HealthChanged, masked);
    }

    private void CircuitChanged(string server, string? tool, CircuitState state, string reason, HealthFeed health)
    {
        reason = secrets.Mask(reason);

        // The server's own circuit is its health: open is unhealthy; a closing trial call has already recorded success.
        if (tool is null && state == CircuitState.Open)
        {
            health.CircuitOpened(reason);
        }

        telemetry.CircuitChanged(server, tool, state);
        Log.CircuitChanged(logger, server, tool ?? "*", state, reason);
        events.Raise(events.CircuitStateChanged, new CircuitStateChangedEventArgs(server, tool, state, reason));
    }

    /// <summary>Each notification drops the server's listed tools at once; the event and the drift re-check are
    /// coalesced by the server's drift guard, which announces them through the <see cref="DriftMonitor"/>.</summary>
    private void ToolListChanged(ServerEntry entry, McpClient client, CancellationToken sessionEnded)
    {
        toolLists.Invalidate(entry.Name);
        entry.Drift.ToolListChanged(client, sessionEnded);
    }
}
