using System.Collections.Concurrent;
using System.Collections.Frozen;
using McpFleet.Caching;
using McpFleet.Resilience;

namespace McpFleet.Calls;

/// <summary>
/// Reads the per-tool settings of <see cref="ResilienceOptions"/> and <see cref="CachingOptions"/> once, when the runtime
/// starts, and hands each server's tool and each unified tool its <see cref="CallTarget"/> with its
/// <see cref="CallSettings"/> (kept with the descriptor, so a call finds them without a lookup by name).
/// </summary>
internal sealed class CallSettingsTable
{
    private readonly ResilienceOptions _resilience;
    private readonly FrozenDictionary<string, ToolResilienceOptions> _tools;
    private readonly bool _cachingEnabled;
    private readonly TimeSpan _defaultTimeToLive;
    private readonly FrozenDictionary<string, TimeSpan> _timeToLive;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, CallTarget> _byDescriptor = [];
    private readonly ConcurrentDictionary<string, CallSettings> _singleAttempt = new(StringComparer.Ordinal);
    private readonly RetryOptions _noRetries = new() { MaxRetryAttempts = 0 };
    private System.Runtime.CompilerServices.ConditionalWeakTable<object, CallTarget>.CreateValueCallback? _createForTool;
    private System.Runtime.CompilerServices.ConditionalWeakTable<object, CallTarget>.CreateValueCallback? _createForGroup;

    public CallSettingsTable(ResilienceOptions resilience, CachingOptions caching)
    {
        _resilience = resilience;
        _tools = resilience.Tools.ToFrozenDictionary(StringComparer.Ordinal);
        _cachingEnabled = caching.Enabled;
        _defaultTimeToLive = caching.DefaultTimeToLive;
        _timeToLive = caching.ToolTimeToLive.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The target of calls of a server's tool, with its settings; one per descriptor, so its candidates are
    /// resolved once per change of the fleet's membership rather than per call.</summary>
    public CallTarget For(ToolDescriptor tool) =>
        _byDescriptor.GetValue(tool, _createForTool ??= descriptor => CallTarget.For((ToolDescriptor)descriptor, Create(ToolKey.Of((ToolDescriptor)descriptor))));

    /// <summary>The target of calls of a unified tool, with its settings.</summary>
    public CallTarget For(ToolGroupDescriptor group) =>
        _byDescriptor.GetValue(group, _createForGroup ??= descriptor => CallTarget.For((ToolGroupDescriptor)descriptor, Create(ToolKey.Of((ToolGroupDescriptor)descriptor))));

    /// <summary>The settings of one fan-out target's call: the tool's, but one attempt (a fan-out asks every target
    /// anyway), neither retried nor hedged.</summary>
    public CallSettings ForSingleAttempt(string serverName, string toolName) =>
        _singleAttempt.GetOrAdd(ToolKey.Of(serverName, toolName), static (key, table) => table.Create(key, singleAttempt: true), this);

    /// <summary>The circuit breaker of a tool on a server instance: the tool's own, or the fleet's.</summary>
    public CircuitBreakerOptions ToolBreaker(string serverName, string toolName) =>
        _tools.GetValueOrDefault(ToolKey.Of(serverName, toolName))?.CircuitBreaker ?? _resilience.CircuitBreaker;

    private CallSettings Create(string key, bool singleAttempt = false)
    {
        var tool = _tools.GetValueOrDefault(key);
        var hedging = tool?.Hedging ?? _resilience.Hedging;
        var configured = _timeToLive.TryGetValue(key, out var timeToLive);
        if (!configured)
        {
            timeToLive = _defaultTimeToLive;
        }

        return new CallSettings(
            key,
            tool?.Resend ?? ResendPolicy.Automatic,
            singleAttempt ? _noRetries : tool?.Retry ?? _resilience.Retry,
            singleAttempt || hedging.Delay is null ? null : hedging,
            tool?.Timeout,
            tool?.AttemptTimeout ?? _resilience.AttemptTimeout,
            tool is null ? [] : [.. tool.FailoverOrder],
            _cachingEnabled && timeToLive > TimeSpan.Zero ? timeToLive : null,
            configured);
    }
}
