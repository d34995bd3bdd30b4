using System.ComponentModel.DataAnnotations;

namespace McpFleet.Resilience;

/// <summary>
/// How calls survive failures: retries and failover, hedging, and circuit breakers, for the fleet and overridden per
/// server and per tool. A call is sent again only when that is safe (see <see cref="ResendPolicy"/>).
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries and failover. Default: two retries, from 200 ms with exponential backoff and jitter.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Hedging of calls that are safe to repeat. Default: off.</summary>
    public HedgingOptions Hedging { get; set; } = new();

    /// <summary>The circuit breaker of each server, and of each tool on each server.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>
    /// How long one attempt may take before it is given up (and, when that is safe, sent elsewhere): an attempt still
    /// waiting for its turn or its session is provably not sent, so it fails over whatever the tool. <see langword="null"/>
    /// (the default): attempts are bounded only by the call's deadline (<see cref="FleetOptions.CallTimeout"/>).
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>Per-server settings, by the server's fleet name.</summary>
    public IDictionary<string, ServerResilienceOptions> Servers { get; } = new Dictionary<string, ServerResilienceOptions>(StringComparer.Ordinal);

    /// <summary>Per-tool settings: by <c>server/tool</c> for a server's tool (its replicas share them), by the wire name
    /// alone for a unified tool. Two servers' tools of the same name are configured apart.</summary>
    public IDictionary<string, ToolResilienceOptions> Tools { get; } = new Dictionary<string, ToolResilienceOptions>(StringComparer.Ordinal);

    internal void Validate()
    {
        if (Retry is null || Hedging is null || CircuitBreaker is null)
        {
            throw new ValidationException($"Resilience {nameof(Retry)}, {nameof(Hedging)} and {nameof(CircuitBreaker)} are required.");
        }

        Retry.Validate("Resilience");
        ValidateTimeout("Resilience", nameof(AttemptTimeout), AttemptTimeout);
        Hedging.Validate("Resilience");
        CircuitBreaker.Validate("Resilience");
        foreach (var (server, options) in Servers)
        {
            options.CircuitBreaker?.Validate($"Resilience of server '{server}'");
        }

        foreach (var (tool, options) in Tools)
        {
            var owner = $"Resilience of tool '{tool}'";
            options.Retry?.Validate(owner);
            options.Hedging?.Validate(owner);
            options.CircuitBreaker?.Validate(owner);
            ValidateTimeout(owner, nameof(ToolResilienceOptions.Timeout), options.Timeout);
            ValidateTimeout(owner, nameof(ToolResilienceOptions.AttemptTimeout), options.AttemptTimeout);
        }
    }

    private static void ValidateTimeout(string owner, string name, TimeSpan? timeout)
    {
        if (timeout is { } value && value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{owner}: {name} must be positive or infinite; it is {value}.");
        }
    }

    internal CircuitBreakerOptions ServerBreaker(string serverName) =>
        Servers.TryGetValue(serverName, out var options) && options.CircuitBreaker is { } breaker ? breaker : CircuitBreaker;

}
