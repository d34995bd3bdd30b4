using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using McpFleet.Snapshots;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpFleet.Drift;

/// <summary>
/// The fleet's side of drift detection: the snapshot tools of each server of the manifest, a <see cref="DriftGuard"/>
/// per server with its policy, and the reporting of each new verdict (log, metric, <see cref="FleetRuntime.DriftDetected"/>).
/// A server's snapshot tools are read when it joins the fleet, so a large fleet's definitions cost only the servers used.
/// </summary>
internal sealed class DriftMonitor
{
    private readonly DriftOptions _options;
    private readonly Dictionary<string, SnapshotTools> _snapshotTools;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FleetTelemetry _telemetry;
    private readonly Action<DriftDetectedEventArgs> _detected;

    /// <exception cref="ValidationException">A server's snapshot tools in the manifest cannot be read (a missing resource).</exception>
    public DriftMonitor(FleetOptions options, FleetManifest manifest, ILogger logger, FleetTelemetry telemetry, Action<DriftDetectedEventArgs> detected)
    {
        _options = options.Drift;
        _timeout = options.Connection.RequestTimeout;
        _time = options.TimeProvider;
        _logger = logger;
        _telemetry = telemetry;
        _detected = detected;
        _snapshotTools = manifest.Servers
            .Where(server => server.SnapshotTools is not null)
            .ToDictionary(server => server.Name, server => server.SnapshotTools!, StringComparer.Ordinal);
        foreach (var (server, tools) in _snapshotTools)
        {
            if (tools.FindProblem() is { } problem)
            {
                throw new ValidationException($"The manifest's snapshot tools of server '{server}' {problem}");
            }
        }
    }

    /// <summary>The guard of a server joining the fleet; it checks the tools of the snapshot server it serves.</summary>
    /// <exception cref="SnapshotFormatException">The snapshot embedded for the server is not a snapshot.</exception>
    public DriftGuard CreateGuard(ServerDefinition server) => new(
        server,
        _snapshotTools.TryGetValue(server.Service, out var tools) ? tools.Tools : null,
        _options.PolicyFor(server),
        _timeout,
        _time,
        Decided);

    /// <summary>Reports a failed re-check after a tool list change.</summary>
    public void RecheckFailed(string server, string cause) => Log.DriftCheckFailed(_logger, server, cause);

    private void Decided(ServerDefinition server, DriftVerdict verdict, DriftVerdict previous)
    {
        if (!verdict.HasDrift)
        {
            if (previous.HasDrift)
            {
                Log.DriftResolved(_logger, server.Name);
            }

            return;
        }

        // A reconnection that finds the same drift again says nothing new.
        if (verdict.SameAs(previous))
        {
            return;
        }

        foreach (var (change, action) in verdict.Decisions)
        {
            _telemetry.DriftChange(server.Name, change.Class, action);
            var (level, driftClass, actionName) = (action == DriftAction.Allow ? LogLevel.Information : LogLevel.Warning, DriftNames.Describe(change.Class), DriftNames.Tag(action));
            Log.DriftChange(_logger, level, server.Name, change.ToolName, driftClass, change.Detail, actionName);
        }

        _detected(new DriftDetectedEventArgs(server.Name, verdict.Decisions, verdict.BlockedTools, verdict.IsServerBlocked));
    }
}
