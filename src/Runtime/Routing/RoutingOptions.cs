namespace McpFleet.Routing;

/// <summary>How calls that several servers can take are routed; both can also be changed while the fleet runs.</summary>
public sealed class RoutingOptions
{
    /// <summary>The strategy for tools without one of their own. Default: round-robin.</summary>
    public RoutingStrategy DefaultStrategy { get; set; } = RoutingStrategies.RoundRobin();

    /// <summary>Strategies for particular tools, by wire name, e.g. sticky routing on a session argument.</summary>
    public IDictionary<string, RoutingStrategy> ToolStrategies { get; } = new Dictionary<string, RoutingStrategy>(StringComparer.Ordinal);
}
