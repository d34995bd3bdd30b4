namespace McpFleet.Routing;

/// <summary>
/// The replicas of the highest <see cref="ServerState.Priority"/> among the routable ones, in turn; lower priorities
/// take calls only while no higher one is routable (the candidates are the healthy replicas).
/// </summary>
internal sealed class PriorityStrategy : RoutingStrategy
{
    private uint _next;

    public override string Name => "priority";

    public override int Choose(in RoutingContext context)
    {
        var candidates = context.Candidates;
        var highest = int.MinValue;
        var count = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Priority > highest)
            {
                highest = candidate.Priority;
                count = 1;
            }
            else if (candidate.Priority == highest)
            {
                count++;
            }
        }

        var turn = (int)((Interlocked.Increment(ref _next) - 1) % (uint)count);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].Priority == highest && turn-- == 0)
            {
                return i;
            }
        }

        return 0;
    }
}
