namespace McpFleet.Routing;

/// <summary>A uniformly random replica.</summary>
internal sealed class RandomStrategy(Random random) : RoutingStrategy
{
    public override string Name => "random";

    public override int Choose(in RoutingContext context) => random.Next(context.Candidates.Length);
}
