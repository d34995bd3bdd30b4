using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using McpFleet.Alerts;
using McpFleet.Configuration;
using McpFleet.Drift;
using McpFleet.Resilience;
using McpFleet.Routing;
using Microsoft.Extensions.Configuration;

namespace McpFleet.DependencyInjection;

/// <summary>
/// Reads <see cref="FleetOptions"/> from configuration (e.g. an <c>McpFleet</c> section of appsettings.json) by hand, so
/// that binding needs no reflection:
/// <code>
/// "McpFleet": {
///   "McpJson": ".vscode/mcp.json",
///   "CallTimeout": "00:00:30",
///   "AllowUnconfiguredServers": false,
///   "Connection": { "ConnectTimeout": "00:00:10", "MaxConcurrentCalls": 16, "ProtocolVersion": "2025-11-25", "MaxMessageSize": 4194304 },
///   "Sessions": { "IdleTimeout": "00:05:00", "WarmSessions": 1 },
///   "Health": { "ProbeInterval": "00:00:15", "FailureThreshold": 3, "RecoveryInterval": "00:00:10" },
///   "Routing": { "Strategy": "least-outstanding", "Tools": { "search/find": "consistent-hash:query" } },
///   "Resilience": {
///     "AttemptTimeout": "00:00:10",
///     "Retry": { "MaxRetryAttempts": 2, "Delay": "00:00:00.200" },
///     "Hedging": { "Delay": "00:00:00.500" },
///     "CircuitBreaker": { "FailureRatio": 0.5, "MinimumThroughput": 10, "BreakDuration": "00:00:15" },
///     "Servers": { "weather": { "CircuitBreaker": { "Enabled": false } } },
///     "Tools": { "github/create_issue": { "Resend": "Never", "Timeout": "00:00:05", "FailoverOrder": [ "github-eu" ] } }
///   },
///   "Caching": { "Enabled": true, "DefaultTimeToLive": "00:01:00", "MaxEntries": 1000, "MaxBytes": 33554432, "Tools": { "clock/get_time": "00:00:00" } },
///   "Drift": { "DescriptionChange": "Block", "BlockScope": "Server", "RelistInterval": "00:05:00", "Servers": { "weather": { "Breaking": "Warn", "Relist": "Always" } } },
///   "Alerts": { "Window": "00:01:00", "MinimumCalls": 10, "Fleet": { "MaxErrorRate": 0.05 }, "Services": { "weather": { "MinHealthyReplicas": 2, "MaxP99Latency": "00:00:02" } } },
///   "Servers": {
///     "weather": { "Type": "http", "Url": "https://weather.example/mcp", "Weight": 2, "Tags": [ "eu" ] },
///     "files": { "Command": "npx", "Args": [ "-y", "@modelcontextprotocol/server-filesystem", "." ], "InheritEnv": [ "HTTPS_PROXY" ] }
///   }
/// }
/// </code>
/// Per-tool keys name a server's tool as <c>server/tool</c> and a unified tool by its name (configuration keys may hold
/// <c>/</c>; <c>:</c> is the section separator).
/// </summary>
internal static class FleetConfigurationReader
{
    /// <param name="configuration">The fleet's section.</param>
    /// <param name="options">The options to fill.</param>
    /// <param name="contentRoot">The folder a relative <c>McpJson</c> path is relative to; the current folder when <see langword="null"/>.</param>
    public static void Read(IConfiguration configuration, FleetOptions options, string? contentRoot = null)
    {
        if (configuration["McpJson"] is { Length: > 0 } path)
        {
            var mcpJson = McpConfiguration.Load(Path.GetFullPath(path, contentRoot ?? Directory.GetCurrentDirectory()));
            foreach (var server in mcpJson.Servers)
            {
                options.Servers.Add(server);
            }

            foreach (var unavailable in mcpJson.UnavailableServers)
            {
                options.UnavailableServers[unavailable.Name] = unavailable.Reason;
            }
        }

        options.CallTimeout = TimeSpanValue(configuration, "CallTimeout") ?? options.CallTimeout;
        options.DrainTimeout = TimeSpanValue(configuration, "DrainTimeout") ?? options.DrainTimeout;
        options.AllowUnconfiguredServers = BoolValue(configuration, "AllowUnconfiguredServers") ?? options.AllowUnconfiguredServers;

        var connection = configuration.GetSection("Connection");
        options.Connection.ConnectTimeout = TimeSpanValue(connection, "ConnectTimeout") ?? options.Connection.ConnectTimeout;
        options.Connection.ReconnectDelay = TimeSpanValue(connection, "ReconnectDelay") ?? options.Connection.ReconnectDelay;
        options.Connection.MaxReconnectDelay = TimeSpanValue(connection, "MaxReconnectDelay") ?? options.Connection.MaxReconnectDelay;
        options.Connection.MaxConcurrentCalls = IntValue(connection, "MaxConcurrentCalls") ?? options.Connection.MaxConcurrentCalls;
        options.Connection.ProtocolVersion = connection["ProtocolVersion"] ?? options.Connection.ProtocolVersion;
        options.Connection.DiscoverProbeTimeout = TimeSpanValue(connection, "DiscoverProbeTimeout") ?? options.Connection.DiscoverProbeTimeout;
        options.Connection.MaxMessageSize = LongValue(connection, "MaxMessageSize") ?? options.Connection.MaxMessageSize;
        options.Connection.LogMessageContents = BoolValue(connection, "LogMessageContents") ?? options.Connection.LogMessageContents;

        var sessions = configuration.GetSection("Sessions");
        options.Sessions.IdleTimeout = TimeSpanValue(sessions, "IdleTimeout") ?? options.Sessions.IdleTimeout;
        options.Sessions.WarmSessions = IntValue(sessions, "WarmSessions") ?? options.Sessions.WarmSessions;

        var health = configuration.GetSection("Health");
        options.Health.Enabled = BoolValue(health, "Enabled") ?? options.Health.Enabled;
        options.Health.ProbeInterval = TimeSpanValue(health, "ProbeInterval") ?? options.Health.ProbeInterval;
        options.Health.ProbeTimeout = TimeSpanValue(health, "ProbeTimeout") ?? options.Health.ProbeTimeout;
        options.Health.FailureThreshold = IntValue(health, "FailureThreshold") ?? options.Health.FailureThreshold;
        options.Health.RecoveryInterval = TimeSpanValue(health, "RecoveryInterval") ?? options.Health.RecoveryInterval;

        var routing = configuration.GetSection("Routing");
        if (routing["Strategy"] is { Length: > 0 } strategy)
        {
            options.Routing.DefaultStrategy = RoutingStrategies.FromName(strategy);
        }

        foreach (var tool in routing.GetSection("Tools").GetChildren())
        {
            options.Routing.ToolStrategies[tool.Key] = RoutingStrategies.FromName(tool.Value ?? "");
        }

        ReadResilience(configuration.GetSection("Resilience"), options.Resilience);
        var caching = configuration.GetSection("Caching");
        options.Caching.Enabled = BoolValue(caching, "Enabled") ?? options.Caching.Enabled;
        options.Caching.DefaultTimeToLive = TimeSpanValue(caching, "DefaultTimeToLive") ?? options.Caching.DefaultTimeToLive;
        options.Caching.MaxEntries = IntValue(caching, "MaxEntries") ?? options.Caching.MaxEntries;
        options.Caching.MaxBytes = LongValue(caching, "MaxBytes") ?? options.Caching.MaxBytes;
        foreach (var tool in caching.GetSection("Tools").GetChildren())
        {
            options.Caching.ToolTimeToLive[tool.Key] = TimeSpanValue(caching.GetSection("Tools"), tool.Key) ?? throw new ValidationException($"Caching: tool '{tool.Key}' needs a time span such as 00:00:30.");
        }

        var drift = configuration.GetSection("Drift");
        options.Drift.Compatible = EnumValue<DriftAction>(drift, "Compatible") ?? options.Drift.Compatible;
        options.Drift.Breaking = EnumValue<DriftAction>(drift, "Breaking") ?? options.Drift.Breaking;
        options.Drift.AnnotationEscalation = EnumValue<DriftAction>(drift, "AnnotationEscalation") ?? options.Drift.AnnotationEscalation;
        options.Drift.DescriptionChange = EnumValue<DriftAction>(drift, "DescriptionChange") ?? options.Drift.DescriptionChange;
        options.Drift.BlockScope = EnumValue<DriftBlockScope>(drift, "BlockScope") ?? options.Drift.BlockScope;
        options.Drift.Relist = EnumValue<RelistMode>(drift, "Relist") ?? options.Drift.Relist;
        options.Drift.RelistInterval = TimeSpanValue(drift, "RelistInterval") ?? options.Drift.RelistInterval;
        options.Drift.MinRecheckInterval = TimeSpanValue(drift, "MinRecheckInterval") ?? options.Drift.MinRecheckInterval;
        options.Drift.DestructiveCallMaxCheckAge = TimeSpanValue(drift, "DestructiveCallMaxCheckAge") ?? options.Drift.DestructiveCallMaxCheckAge;
        foreach (var server in drift.GetSection("Servers").GetChildren())
        {
            options.Drift.Servers[server.Key] = new DriftServerOptions
            {
                Compatible = EnumValue<DriftAction>(server, "Compatible"),
                Breaking = EnumValue<DriftAction>(server, "Breaking"),
                AnnotationEscalation = EnumValue<DriftAction>(server, "AnnotationEscalation"),
                DescriptionChange = EnumValue<DriftAction>(server, "DescriptionChange"),
                BlockScope = EnumValue<DriftBlockScope>(server, "BlockScope"),
                Relist = EnumValue<RelistMode>(server, "Relist"),
            };
        }

        var alerts = configuration.GetSection("Alerts");
        options.Alerts.Window = TimeSpanValue(alerts, "Window") ?? options.Alerts.Window;
        options.Alerts.EvaluationInterval = TimeSpanValue(alerts, "EvaluationInterval") ?? options.Alerts.EvaluationInterval;
        options.Alerts.MinimumCalls = IntValue(alerts, "MinimumCalls") ?? options.Alerts.MinimumCalls;
        ReadThresholds(alerts.GetSection("Fleet"), options.Alerts.Fleet);
        foreach (var service in alerts.GetSection("Services").GetChildren())
        {
            var thresholds = options.Alerts.Services.TryGetValue(service.Key, out var existing) ? existing : new AlertThresholds();
            ReadThresholds(service, thresholds);
            options.Alerts.Services[service.Key] = thresholds;
        }

        foreach (var server in configuration.GetSection("Servers").GetChildren())
        {
            options.Servers.Add(ReadServer(server));
        }
    }

    private static void ReadThresholds(IConfiguration section, AlertThresholds thresholds)
    {
        thresholds.MinHealthyReplicas = IntValue(section, "MinHealthyReplicas") ?? thresholds.MinHealthyReplicas;
        thresholds.MaxErrorRate = DoubleValue(section, "MaxErrorRate") ?? thresholds.MaxErrorRate;
        thresholds.MaxP99Latency = TimeSpanValue(section, "MaxP99Latency") ?? thresholds.MaxP99Latency;
    }

    private static void ReadResilience(IConfigurationSection section, ResilienceOptions options)
    {
        ReadRetry(section.GetSection("Retry"), options.Retry);
        ReadHedging(section.GetSection("Hedging"), options.Hedging);
        ReadBreaker(section.GetSection("CircuitBreaker"), options.CircuitBreaker);
        options.AttemptTimeout = TimeSpanValue(section, "AttemptTimeout") ?? options.AttemptTimeout;
        foreach (var server in section.GetSection("Servers").GetChildren())
        {
            var breaker = server.GetSection("CircuitBreaker");
            options.Servers[server.Key] = new ServerResilienceOptions { CircuitBreaker = breaker.Exists() ? ReadBreaker(breaker, new()) : null };
        }

        foreach (var tool in section.GetSection("Tools").GetChildren())
        {
            var settings = new ToolResilienceOptions
            {
                Resend = tool["Resend"] is { Length: > 0 } resend
                    ? Enum.TryParse<ResendPolicy>(resend, ignoreCase: true, out var policy) && Enum.IsDefined(policy) ? policy : throw new ValidationException($"'Resend' must be Automatic, Always or Never; it is '{resend}'.")
                    : ResendPolicy.Automatic,
                Timeout = TimeSpanValue(tool, "Timeout"),
                AttemptTimeout = TimeSpanValue(tool, "AttemptTimeout"),
                Retry = tool.GetSection("Retry").Exists() ? ReadRetry(tool.GetSection("Retry"), new()) : null,
                Hedging = tool.GetSection("Hedging").Exists() ? ReadHedging(tool.GetSection("Hedging"), new()) : null,
                CircuitBreaker = tool.GetSection("CircuitBreaker").Exists() ? ReadBreaker(tool.GetSection("CircuitBreaker"), new()) : null,
            };
            foreach (var server in tool.GetSection("FailoverOrder").GetChildren())
            {
                settings.FailoverOrder.Add(server.Value ?? "");
            }

            options.Tools[tool.Key] = settings;
        }
    }

    private static RetryOptions ReadRetry(IConfiguration section, RetryOptions retry)
    {
        retry.MaxRetryAttempts = IntValue(section, "MaxRetryAttempts") ?? retry.MaxRetryAttempts;
        retry.Delay = TimeSpanValue(section, "Delay") ?? retry.Delay;
        retry.MaxDelay = TimeSpanValue(section, "MaxDelay") ?? retry.MaxDelay;
        retry.UseJitter = BoolValue(section, "UseJitter") ?? retry.UseJitter;
        return retry;
    }

    private static HedgingOptions ReadHedging(IConfiguration section, HedgingOptions hedging)
    {
        hedging.Delay = TimeSpanValue(section, "Delay") ?? hedging.Delay;
        hedging.MaxHedgedAttempts = IntValue(section, "MaxHedgedAttempts") ?? hedging.MaxHedgedAttempts;
        return hedging;
    }

    private static CircuitBreakerOptions ReadBreaker(IConfiguration section, CircuitBreakerOptions breaker)
    {
        breaker.Enabled = BoolValue(section, "Enabled") ?? breaker.Enabled;
        breaker.FailureRatio = DoubleValue(section, "FailureRatio") ?? breaker.FailureRatio;
        breaker.MinimumThroughput = IntValue(section, "MinimumThroughput") ?? breaker.MinimumThroughput;
        breaker.SamplingDuration = TimeSpanValue(section, "SamplingDuration") ?? breaker.SamplingDuration;
        breaker.BreakDuration = TimeSpanValue(section, "BreakDuration") ?? breaker.BreakDuration;
        return breaker;
    }

    private static ServerDefinition ReadServer(IConfigurationSection section)
    {
        var type = section["Type"] ?? (section["Command"] is null ? "http" : "stdio");
        var transport = type.ToUpperInvariant() switch
        {
            "STDIO" => TransportKind.Stdio,
            "HTTP" => TransportKind.Http,
            "STREAMABLE-HTTP" => TransportKind.StreamableHttp,
            "SSE" => TransportKind.Sse,
            _ => throw new ValidationException($"Server '{section.Key}': unknown Type '{type}'; expected stdio, http, streamable-http or sse."),
        };
        var headers = section.GetSection("Headers").GetChildren().ToImmutableDictionary(h => h.Key, h => h.Value ?? "", StringComparer.OrdinalIgnoreCase);
        var environment = section.GetSection("Env").GetChildren().ToImmutableDictionary(e => e.Key, e => e.Value ?? "", StringComparer.Ordinal);

        // InheritEnv: true (the whole environment), or a list of names.
        var inheritEnv = section.GetSection("InheritEnv");
        return new ServerDefinition
        {
            Name = section.Key,
            Transport = transport,
            Command = section["Command"],
            Arguments = [.. section.GetSection("Args").GetChildren().Select(a => a.Value ?? "")],
            EnvironmentVariables = environment,
            InheritEnvironment = BoolValue(section, "InheritEnv") ?? false,
            InheritedEnvironmentVariables = inheritEnv.Value is null ? [.. inheritEnv.GetChildren().Select(n => n.Value ?? "")] : [],
            WorkingDirectory = section["Cwd"],
            Endpoint = section["Url"] is { } url ? new Uri(url, UriKind.Absolute) : null,
            Headers = headers,
            ProtocolVersion = section["ProtocolVersion"],
            Secrets = SecretRedactor.Collect(headers.Values.Concat(environment.Values)),
            ReplicaOf = section["ReplicaOf"],
            Tags = [.. section.GetSection("Tags").GetChildren().Select(t => t.Value ?? "")],
            Weight = IntValue(section, "Weight") ?? 1,
            Priority = IntValue(section, "Priority") ?? 0,
            CallTimeout = TimeSpanValue(section, "CallTimeout"),
            ConnectTimeout = TimeSpanValue(section, "ConnectTimeout"),
            MaxConcurrency = IntValue(section, "MaxConcurrency"),
            MaxMessageSize = LongValue(section, "MaxMessageSize"),
        };
    }

    private static TimeSpan? TimeSpanValue(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new ValidationException($"'{key}' must be a time span such as 00:00:30; it is '{text}'.")
            : null;

    private static int? IntValue(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new ValidationException($"'{key}' must be an integer; it is '{text}'.")
            : null;

    private static double? DoubleValue(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new ValidationException($"'{key}' must be a number; it is '{text}'.")
            : null;

    private static long? LongValue(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new ValidationException($"'{key}' must be an integer; it is '{text}'.")
            : null;

    /// <summary>An enum value by its name, in any case; numbers are refused, as they would bypass the names.</summary>
    private static TEnum? EnumValue<TEnum>(IConfiguration section, string key)
        where TEnum : struct, Enum =>
        section[key] is { Length: > 0 } text
            ? Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<TEnum>(name)
                : throw new ValidationException($"'{key}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}; it is '{text}'.")
            : null;

    private static bool? BoolValue(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } text
            ? bool.TryParse(text, out var value) ? value : throw new ValidationException($"'{key}' must be true or false; it is '{text}'.")
            : null;
}
