namespace McpFleet.Routing;

/// <summary>The built-in routing strategies.</summary>
public static class RoutingStrategies
{
    /// <summary>Each replica in turn.</summary>
    public static RoutingStrategy RoundRobin() => new RoundRobinStrategy();

    /// <summary>A uniformly random replica.</summary>
    /// <param name="random">The source of randomness; <see cref="Random.Shared"/> by default.</param>
    public static RoutingStrategy Random(Random? random = null) => new RandomStrategy(random ?? System.Random.Shared);

    /// <summary>A random replica, chosen in proportion to the servers' configured weights.</summary>
    /// <param name="random">The source of randomness; <see cref="Random.Shared"/> by default.</param>
    public static RoutingStrategy Weighted(Random? random = null) => new WeightedStrategy(random ?? System.Random.Shared);

    /// <summary>The replica with the fewest calls in flight.</summary>
    public static RoutingStrategy LeastOutstanding() => new LeastOutstandingStrategy();

    /// <summary>The lower-latency of two random replicas (moving average, scaled by calls in flight).</summary>
    /// <param name="random">The source of randomness; <see cref="Random.Shared"/> by default.</param>
    public static RoutingStrategy LatencyAware(Random? random = null) => new LatencyAwareStrategy(random ?? System.Random.Shared);

    /// <summary>The highest-priority routable replicas, in turn; lower priorities only as a fallback.</summary>
    public static RoutingStrategy Priority() => new PriorityStrategy();

    /// <summary>Sticky routing: calls with the same value of <paramref name="argumentName"/> go to the same replica.</summary>
    /// <param name="argumentName">The argument's wire name.</param>
    public static RoutingStrategy ConsistentHash(string argumentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(argumentName);
        return new ConsistentHashStrategy(argumentName);
    }

    /// <summary>Creates a strategy from its <see cref="RoutingStrategy.Name"/>, e.g. from configuration.</summary>
    /// <param name="name">The name; <c>consistent-hash</c> takes its argument as <c>consistent-hash:argument</c>.</param>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static RoutingStrategy FromName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        const string HashPrefix = "consistent-hash:";
        return name switch
        {
            "round-robin" => RoundRobin(),
            "random" => Random(),
            "weighted" => Weighted(),
            "least-outstanding" => LeastOutstanding(),
            "latency-aware" => LatencyAware(),
            "priority" => Priority(),
            _ when name.StartsWith(HashPrefix, StringComparison.Ordinal) && name.Length > HashPrefix.Length => ConsistentHash(name[HashPrefix.Length..]),
            _ => throw new ArgumentException(
                $"Unknown routing strategy '{name}'; expected round-robin, random, weighted, least-outstanding, latency-aware, priority or consistent-hash:<argument>.",
                nameof(name)),
        };
    }
}
