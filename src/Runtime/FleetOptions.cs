using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using McpFleet.Alerts;
using McpFleet.Caching;
using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Discovery;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Resilience;
using McpFleet.Routing;

namespace McpFleet;

/// <summary>The servers of a fleet and how to talk to them. Validated when the <see cref="FleetRuntime"/> starts.</summary>
public sealed class FleetOptions
{
    /// <summary>The servers, by their fleet names: from <c>mcp.json</c> (<see cref="FromConfiguration"/>) or built in code.</summary>
    public IList<ServerDefinition> Servers { get; } = [];

    /// <summary>
    /// Servers the configuration names but that cannot be used, by name, with why (e.g. an environment variable their
    /// definition refers to is not set). The fleet logs a warning for each when it starts, and calls to them fail with
    /// the reason; the other servers work as usual.
    /// </summary>
    public IDictionary<string, string> UnavailableServers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Connection timeouts and protocol pinning.</summary>
    public ConnectionOptions Connection { get; set; } = new();

    /// <summary>How long a tool call may take before it is cancelled. Default: 60 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether servers the generated code knows may be left unconfigured, e.g. by a process that uses only part of
    /// the fleet. Calls to them then fail with an <see cref="InvalidOperationException"/>. Default: <see langword="false"/>,
    /// so a missing server is reported when the runtime starts (unless discovery sources may still supply it).
    /// </summary>
    public bool AllowUnconfiguredServers { get; set; }

    /// <summary>Idle sessions closed after a while, and warm sessions kept open. Default: sessions stay open.</summary>
    public SessionOptions Sessions { get; set; } = new();

    /// <summary>Thresholds raised as alerts: routable instances per service, error rate, p99 latency. Default: none.</summary>
    public AlertOptions Alerts { get; set; } = new();

    /// <summary>Health probing and the failure threshold.</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>Retries, failover, hedging and circuit breakers, for the fleet, per server and per tool.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>Routing strategies, for the fleet and per tool.</summary>
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>Opt-in caching of read-only tools' results. Default: off.</summary>
    public CachingOptions Caching { get; set; } = new();
    /// <summary>What to do when a server's live tool definitions drift from its snapshot: allow, warn or block, per class of change and per server.</summary>
    public DriftOptions Drift { get; set; } = new();

    /// <summary>What servers may ask of the fleet as their client (elicitation, sampling, roots), and their log messages.</summary>
    public ClientFeatureOptions ClientFeatures { get; set; } = new();

    /// <summary>Sources of servers that change while the fleet runs (a watched mcp.json, DNS, etcd).</summary>
    public IList<IServerDiscovery> Discovery { get; } = [];

    /// <summary>How long a server leaving the fleet may finish its calls in flight before it is cut off. Default: 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock for timeouts, backoff and health probes; tests inject their own. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates the fleet's meter when set (as dependency injection does); otherwise the fleet creates its own.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Options holding the enabled servers of an <c>mcp.json</c> configuration.</summary>
    public static FleetOptions FromConfiguration(McpConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FleetOptions();
        foreach (var server in configuration.Servers)
        {
            options.Servers.Add(server);
        }

        foreach (var unavailable in configuration.UnavailableServers)
        {
            options.UnavailableServers[unavailable.Name] = unavailable.Reason;
        }

        return options;
    }

    /// <summary>
    /// Per-tool settings name a server's tool as <c>server/tool</c> and a unified tool by its name alone; a bare name that
    /// is no unified tool of the manifest but a tool of some of its servers is a mistake (it would apply to nothing), so it
    /// is refused with the keys that would work.
    /// </summary>
    private static void ValidateToolKeys(FleetManifest manifest, string owner, IEnumerable<string> keys)
    {
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            if (key.Contains('/', StringComparison.Ordinal) || manifest.ToolGroups.Any(group => group.ToolName == key))
            {
                continue;
            }

            var servers = manifest.Servers.Where(server => server.Tools.Any(tool => tool.ToolName == key)).Select(server => $"'{server.Name}/{key}'").ToList();
            if (servers.Count > 0)
            {
                throw new ValidationException(
                    $"{owner}: '{key}' names no unified tool; a server's tool is named as server/tool: {string.Join(", ", servers)}.");
            }
        }
    }

    /// <summary>Checks the options against the servers the generated code expects.</summary>
    /// <exception cref="ValidationException">The options are inconsistent or a server of the manifest is not configured.</exception>
    public void Validate(FleetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Connection is null || Health is null || Resilience is null || Routing?.DefaultStrategy is null || Caching is null || Drift is null || ClientFeatures is null || Sessions is null || Alerts is null || TimeProvider is null)
        {
            throw new ValidationException(
                $"{nameof(Connection)}, {nameof(Health)}, {nameof(Resilience)}, {nameof(Routing)} with a default strategy, {nameof(Caching)}, {nameof(Drift)}, {nameof(ClientFeatures)}, {nameof(Sessions)}, {nameof(Alerts)} and {nameof(TimeProvider)} are required.");
        }

        Connection.Validate();
        Sessions.Validate();
        Alerts.Validate();
        Health.Validate();
        Resilience.Validate();
        Caching.Validate();
        Drift.Validate();
        ClientFeatures.Validate();
        if (DrainTimeout < TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(DrainTimeout)} must not be negative; it is {DrainTimeout}.");
        }
        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(CallTimeout)} must be positive or infinite; it is {CallTimeout}.");
        }

        if (Servers.FirstOrDefault(s => s.MaxMessageSize is < ConnectionOptions.MinMaxMessageSize or > ConnectionOptions.MaxMaxMessageSize) is { } oversized)
        {
            throw new ValidationException(
                $"Server '{oversized.Name}': {nameof(ServerDefinition.MaxMessageSize)} must be from {ConnectionOptions.MinMaxMessageSize} to {ConnectionOptions.MaxMaxMessageSize} bytes; it is {oversized.MaxMessageSize}.");
        }

        ValidateToolKeys(manifest, "Resilience.Tools", Resilience.Tools.Keys);
        ValidateToolKeys(manifest, "Routing.ToolStrategies", Routing.ToolStrategies.Keys);
        ValidateToolKeys(manifest, "Caching.ToolTimeToLive", Caching.ToolTimeToLive.Keys);

        var duplicate = Servers.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ValidationException($"Server '{duplicate.Key}' is configured more than once.");
        }

        // A server is configured when it, or a replica of it, is; an unavailable one has been reported as such.
        var configured = Servers.Select(s => s.Service).ToHashSet(StringComparer.Ordinal);
        configured.UnionWith(UnavailableServers.Keys);
        var missing = manifest.Servers.Select(s => s.Name).Where(name => !configured.Contains(name)).ToList();
        if (missing.Count > 0 && !AllowUnconfiguredServers && Discovery.Count == 0)
        {
            throw new ValidationException(
                $"The fleet's typed proxies need {(missing.Count == 1 ? "server" : "servers")} {string.Join(", ", missing.Select(n => $"'{n}'"))}, "
                + $"which {(missing.Count == 1 ? "is" : "are")} not configured (set AllowUnconfiguredServers to allow it); configured: {(configured.Count == 0 ? "none" : string.Join(", ", configured.Order(StringComparer.Ordinal)))}.");
        }
    }
}
