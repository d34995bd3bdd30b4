using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpFleet.Drift;

/// <summary>
/// The fleet's side of drift detection: the snapshot tools of each server of the manifest, a <see cref="DriftGuard"/>
/// per server with its policy, and the reporting of each new verdict (log, metric, <see cref="FleetRuntime.DriftDetected"/>).
/// </summary>
internal sealed class DriftMonitor
{
    private readonly DriftOptions _options;
    private readonly Dictionary<string, ImmutableArray<JsonElement>> _snapshotTools;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly FleetSecrets _secrets;
    private readonly ILogger _logger;
    private readonly FleetTelemetry _telemetry;
    private readonly Action<DriftDetectedEventArgs> _detected;

    /// <exception cref="ValidationException">A server's snapshot tools in the manifest are not a JSON array.</exception>
    public DriftMonitor(FleetOptions options, FleetManifest manifest, FleetSecrets secrets, ILogger logger, FleetTelemetry telemetry, Action<DriftDetectedEventArgs> detected)
    {
        _secrets = secrets;
        _options = options.Drift;
        _timeout = options.Connection.RequestTimeout;
        _time = options.TimeProvider;
        _logger = logger;
        _telemetry = telemetry;
        _detected = detected;
        _snapshotTools = manifest.Servers
            .Where(server => server.SnapshotTools is not null)
            .ToDictionary(server => server.Name, server => Parse(server.Name, server.SnapshotTools!), StringComparer.Ordinal);
    }

    /// <summary>The guard of a server joining the fleet; it checks the tools of the snapshot server it serves.</summary>
    public DriftGuard CreateGuard(ServerDefinition server) => new(
        server,
        _snapshotTools.TryGetValue(server.Service, out var tools) ? tools : null,
        _options.PolicyFor(server),
        _timeout,
        _time,
        _secrets,
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

    private static ImmutableArray<JsonElement> Parse(string server, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return [.. document.RootElement.EnumerateArray().Select(tool => tool.Clone())];
            }
        }
        catch (JsonException)
        {
            // Reported below, as for any other shape.
        }

        throw new ValidationException($"The manifest's snapshot tools of server '{server}' are not a JSON array of tool definitions.");
    }
}
