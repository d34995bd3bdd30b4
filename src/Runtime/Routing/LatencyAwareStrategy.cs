namespace McpFleet.Routing;

/// <summary>
/// The power of two choices over latency: two random replicas, and the one whose latency estimate (a moving average
/// that fades while it is not refreshed), scaled by its calls in flight, is lower. Replicas with no latency measured yet
/// are tried first, so every replica gets measured, and one passed over because it was slow is measured again later.
/// </summary>
internal sealed class LatencyAwareStrategy(Random random) : RoutingStrategy
{
    public override string Name => "latency-aware";

    public override int Choose(in RoutingContext context)
    {
        var candidates = context.Candidates;
        if (candidates.Length == 1)
        {
            return 0;
        }

        var first = random.Next(candidates.Length);
        var second = random.Next(candidates.Length - 1);
        if (second >= first)
        {
            second++;
        }

        return Cost(candidates[second]) < Cost(candidates[first]) ? second : first;
    }

    private static double Cost(ServerState server)
    {
        var latency = server.LatencyEstimate.Ticks;
        return latency == 0 ? -1 : latency * (server.OutstandingRequests + 1.0);
    }
}
