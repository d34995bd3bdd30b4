using System.Collections.Concurrent;

namespace McpFleet.Routing;

/// <summary>The strategies calls are routed with: the fleet's, and per tool (by <c>server/tool</c> or a unified tool's
/// name); both can be switched while the fleet runs.</summary>
internal sealed class RoutingTable(RoutingOptions options)
{
    private readonly ConcurrentDictionary<string, RoutingStrategy> _tools = new(options.ToolStrategies, StringComparer.Ordinal);
    private RoutingStrategy _default = options.DefaultStrategy;

    public RoutingStrategy Default
    {
        get => Volatile.Read(ref _default);
        set => Volatile.Write(ref _default, value);
    }

    public RoutingStrategy For(string key) => _tools.IsEmpty ? Default : _tools.GetValueOrDefault(key) ?? Default;

    public void Set(string key, RoutingStrategy? strategy)
    {
        if (strategy is null)
        {
            _tools.TryRemove(key, out _);
        }
        else
        {
            _tools[key] = strategy;
        }
    }
}
