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

    /// <summary>Per-server settings, by the server's fleet name.</summary>
    public IDictionary<string, ServerResilienceOptions> Servers { get; } = new Dictionary<string, ServerResilienceOptions>(StringComparer.Ordinal);

    /// <summary>Per-tool settings, by the tool's wire name.</summary>
    public IDictionary<string, ToolResilienceOptions> Tools { get; } = new Dictionary<string, ToolResilienceOptions>(StringComparer.Ordinal);

    internal void Validate()
    {
        if (Retry is null || Hedging is null || CircuitBreaker is null)
        {
            throw new ValidationException($"Resilience {nameof(Retry)}, {nameof(Hedging)} and {nameof(CircuitBreaker)} are required.");
        }

        Retry.Validate("Resilience");
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
            if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ValidationException($"{owner}: {nameof(ToolResilienceOptions.Timeout)} must be positive or infinite; it is {timeout}.");
            }
        }
    }

    internal ToolResilienceOptions? ForTool(string toolName) => Tools.TryGetValue(toolName, out var options) ? options : null;

    internal CircuitBreakerOptions ServerBreaker(string serverName) =>
        Servers.TryGetValue(serverName, out var options) && options.CircuitBreaker is { } breaker ? breaker : CircuitBreaker;

    internal CircuitBreakerOptions ToolBreaker(string toolName) => ForTool(toolName)?.CircuitBreaker ?? CircuitBreaker;
}
