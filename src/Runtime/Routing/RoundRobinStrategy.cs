namespace McpFleet.Routing;

/// <summary>Each replica in turn.</summary>
internal sealed class RoundRobinStrategy : RoutingStrategy
{
    private uint _next;

    public override string Name => "round-robin";

    public override int Choose(in RoutingContext context) =>
        (int)((Interlocked.Increment(ref _next) - 1) % (uint)context.Candidates.Length);
}
