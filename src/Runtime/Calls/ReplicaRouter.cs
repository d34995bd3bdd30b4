using System.Buffers;
using McpFleet.Routing;
using McpFleet.Telemetry;

namespace McpFleet.Calls;

/// <summary>
/// Chooses the replica of each attempt: after a failed attempt, the tool's failover order first; otherwise the routing
/// strategy, among the candidates not tried yet that are routable (not draining, not unhealthy), then among those not
/// tried yet, then among all. One candidate is explicit targeting: there is nothing to choose. Allocates nothing.
/// </summary>
internal sealed class ReplicaRouter(RoutingTable routing, FleetTelemetry telemetry)
{
    /// <summary>The strategy of a call's target, or <see langword="null"/> when it has one candidate.</summary>
    public RoutingStrategy? StrategyOf(Call call) => call.Candidates.Length == 1 ? null : routing.For(call.Target.Settings.Key);

    /// <summary>Chooses the next attempt's replica and marks it tried.</summary>
    public CallCandidate Next(Call call, RoutingStrategy? strategy)
    {
        var candidates = call.Candidates;
        var index = strategy is null ? 0 : FailoverTo(call) ?? Choose(call, strategy);
        call.MarkTried(index);
        var chosen = candidates[index];
        if (strategy is not null)
        {
            telemetry.Routed(call.Target.ToolName, strategy.Name, chosen.Entry.Name);
        }

        return chosen;
    }

    private static int? FailoverTo(Call call)
    {
        var order = call.Target.Settings.FailoverOrder;
        if (order.Count == 0 || call.Failures.Count == 0)
        {
            return null;
        }

        foreach (var name in order)
        {
            for (var i = 0; i < call.Candidates.Length; i++)
            {
                if (!call.WasTried(i) && call.Candidates[i].Entry.Name == name)
                {
                    return i;
                }
            }
        }

        return null;
    }

    private static int Choose(Call call, RoutingStrategy strategy)
    {
        var candidates = call.Candidates;
        var states = ArrayPool<ServerState>.Shared.Rent(candidates.Length);
        var offered = ArrayPool<int>.Shared.Rent(candidates.Length);
        try
        {
            // Untried and routable, then untried, then routable, then all.
            var count = 0;
            for (var pass = 0; pass < 4 && count == 0; pass++)
            {
                for (var i = 0; i < candidates.Length; i++)
                {
                    if ((pass >= 2 || !call.WasTried(i)) && (pass % 2 == 1 || candidates[i].Entry.IsRoutable))
                    {
                        offered[count] = i;
                        states[count++] = candidates[i].Entry.State;
                    }
                }
            }

            var index = strategy.Choose(new RoutingContext(call.Target.ToolName, states.AsSpan(0, count), call.Request.ArgumentsView));
            if ((uint)index >= (uint)count)
            {
                throw new InvalidOperationException($"Routing strategy '{strategy.Name}' chose candidate {index} of {count}.");
            }

            return offered[index];
        }
        finally
        {
            ArrayPool<ServerState>.Shared.Return(states, clearArray: true);
            ArrayPool<int>.Shared.Return(offered);
        }
    }
}
