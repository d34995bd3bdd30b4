namespace McpFleet.Routing;

/// <summary>The replica with the fewest calls in flight; ties go round in turn, so idle replicas share the load.</summary>
internal sealed class LeastOutstandingStrategy : RoutingStrategy
{
    private uint _start;

    public override string Name => "least-outstanding";

    public override int Choose(in RoutingContext context)
    {
        var candidates = context.Candidates;
        var start = (int)(Interlocked.Increment(ref _start) % (uint)candidates.Length);
        var best = start;
        var fewest = candidates[start].OutstandingRequests;
        for (var offset = 1; offset < candidates.Length && fewest > 0; offset++)
        {
            var index = (start + offset) % candidates.Length;
            var outstanding = candidates[index].OutstandingRequests;
            if (outstanding < fewest)
            {
                best = index;
                fewest = outstanding;
            }
        }

        return best;
    }
}
