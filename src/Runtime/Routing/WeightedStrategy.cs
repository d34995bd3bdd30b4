namespace McpFleet.Routing;

/// <summary>A random replica, each with a chance proportional to its <see cref="ServerState.Weight"/>.</summary>
internal sealed class WeightedStrategy(Random random) : RoutingStrategy
{
    public override string Name => "weighted";

    public override int Choose(in RoutingContext context)
    {
        var candidates = context.Candidates;
        long total = 0;
        foreach (var candidate in candidates)
        {
            total += candidate.Weight;
        }

        var point = random.NextInt64(total);
        for (var i = 0; i < candidates.Length; i++)
        {
            point -= candidates[i].Weight;
            if (point < 0)
            {
                return i;
            }
        }

        return candidates.Length - 1;
    }
}
