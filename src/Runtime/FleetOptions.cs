using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using McpFleet.Caching;
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

        return options;
    }

    /// <summary>Checks the options against the servers the generated code expects.</summary>
    /// <exception cref="ValidationException">The options are inconsistent or a server of the manifest is not configured.</exception>
    public void Validate(FleetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Connection is null || Health is null || Resilience is null || Routing?.DefaultStrategy is null || Caching is null || Drift is null || TimeProvider is null)
        {
            throw new ValidationException(
                $"{nameof(Connection)}, {nameof(Health)}, {nameof(Resilience)}, {nameof(Routing)} with a default strategy, {nameof(Caching)}, {nameof(Drift)}, and {nameof(TimeProvider)} are required.");
        }

        Connection.Validate();
        Health.Validate();
        Resilience.Validate();
        Caching.Validate();
        Drift.Validate();
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

        var duplicate = Servers.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ValidationException($"Server '{duplicate.Key}' is configured more than once.");
        }

        // A server is configured when it, or a replica of it, is.
        var configured = Servers.Select(s => s.Service).ToHashSet(StringComparer.Ordinal);
        var missing = manifest.Servers.Select(s => s.Name).Where(name => !configured.Contains(name)).ToList();
        if (missing.Count > 0 && !AllowUnconfiguredServers && Discovery.Count == 0)
        {
            throw new ValidationException(
                $"The fleet's typed proxies need {(missing.Count == 1 ? "server" : "servers")} {string.Join(", ", missing.Select(n => $"'{n}'"))}, "
                + $"which {(missing.Count == 1 ? "is" : "are")} not configured (set AllowUnconfiguredServers to allow it); configured: {(configured.Count == 0 ? "none" : string.Join(", ", configured.Order(StringComparer.Ordinal)))}.");
        }
    }
}
