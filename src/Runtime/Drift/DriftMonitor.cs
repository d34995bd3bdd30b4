using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using McpFleet.Secrets;
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
    private readonly HashSet<string> _toolsCanChange;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly FleetSecrets _secrets;
    private readonly ILogger _logger;
    private readonly FleetTelemetry _telemetry;
    private readonly Action<DriftDetectedEventArgs> _detected;
    private readonly Action<string> _toolListChanged;

    /// <exception cref="ValidationException">A server's snapshot tools in the manifest cannot be read (a missing resource).</exception>
    /// <param name="options">The fleet's drift options, request timeout and clock.</param>
    /// <param name="manifest">The snapshot servers: their tools, and whether their tools can change.</param>
    /// <param name="secrets">Every secret of the fleet, masked in failures.</param>
    /// <param name="logger">Receives drift findings and failed re-checks.</param>
    /// <param name="telemetry">Counts checks and changes.</param>
    /// <param name="detected">Raises <see cref="FleetRuntime.DriftDetected"/>.</param>
    /// <param name="toolListChanged">Told once per coalesced round of a server's <c>list_changed</c> notifications.</param>
    public DriftMonitor(
        FleetOptions options,
        FleetManifest manifest,
        FleetSecrets secrets,
        ILogger logger,
        FleetTelemetry telemetry,
        Action<DriftDetectedEventArgs> detected,
        Action<string> toolListChanged)
    {
        _secrets = secrets;
        _toolListChanged = toolListChanged;
        _toolsCanChange = manifest.Servers.Where(server => server.ToolsCanChange).Select(server => server.Name).ToHashSet(StringComparer.Ordinal);
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
        ScheduleFor(server),
        _timeout,
        _time,
        _secrets,
        this);

    /// <summary>Counts a check as it starts.</summary>
    public void Checking(string server, DriftCheckTrigger trigger) => _telemetry.DriftCheck(server, DriftNames.Tag(trigger));

    /// <summary>Reports a failed re-check.</summary>
    public void RecheckFailed(string server, string cause) => Log.DriftCheckFailed(_logger, server, cause);

    /// <summary>Reports a round of a server's <c>list_changed</c> notifications, as its re-check starts.</summary>
    public void ToolListChanged(string server) => _toolListChanged(server);

    private DriftSchedule ScheduleFor(ServerDefinition server) => new(
        _options.MinRecheckInterval,
        _options.RelistFor(server) switch
        {
            RelistMode.Always => _options.RelistInterval,
            RelistMode.WhenToolsCanChange when _toolsCanChange.Contains(server.Service) => _options.RelistInterval,
            _ => null,
        },
        _options.DestructiveCallMaxCheckAge);

    /// <summary>Reports a new verdict: each change is logged and counted, and a new set of changes raises the event.</summary>
    public void Decided(ServerDefinition server, DriftVerdict verdict, DriftVerdict previous)
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
