using System.Collections.Concurrent;
using McpFleet.Calls;

namespace McpFleet.Resilience;

/// <summary>
/// The circuit breakers of one server instance: its own, shared by all its tools, and one per tool on it, created on the
/// tool's first call. A disabled breaker is absent and costs nothing.
/// </summary>
internal sealed class ReplicaBreakers
{
    private readonly string _serverName;
    private readonly Func<string, CircuitBreakerOptions> _toolOptions;
    private readonly TimeProvider _time;
    private readonly Action<string?, CircuitState, string> _changed;
    private readonly ConcurrentDictionary<string, CallCircuitBreaker?> _tools = new(StringComparer.Ordinal);

    /// <param name="serverName">The instance's name.</param>
    /// <param name="serverOptions">The instance's breaker.</param>
    /// <param name="toolOptions">A tool's breaker on the instance.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="changed">Told each transition: the tool (null for the server's own circuit), the state and why.</param>
    public ReplicaBreakers(string serverName, CircuitBreakerOptions serverOptions, Func<string, CircuitBreakerOptions> toolOptions, TimeProvider timeProvider, Action<string?, CircuitState, string> changed)
    {
        _serverName = serverName;
        _toolOptions = toolOptions;
        _time = timeProvider;
        _changed = changed;
        Server = serverOptions.Enabled
            ? new CallCircuitBreaker(serverOptions, static failure => failure.CountsAgainstServer, $"server '{serverName}'", timeProvider, (state, reason) => changed(null, state, reason))
            : null;
    }

    /// <summary>The server's own circuit, or <see langword="null"/> when disabled.</summary>
    public CallCircuitBreaker? Server { get; }

    /// <summary>The circuit of <paramref name="toolName"/> on this server, or <see langword="null"/> when disabled.</summary>
    public CallCircuitBreaker? For(string toolName) => _tools.GetOrAdd(toolName, Create);

    private CallCircuitBreaker? Create(string toolName)
    {
        var options = _toolOptions(toolName);
        return options.Enabled
            ? new CallCircuitBreaker(options, static failure => failure.CountsAgainstTool, $"tool '{toolName}' on server '{_serverName}'", _time, (state, reason) => _changed(toolName, state, reason))
            : null;
    }
}
