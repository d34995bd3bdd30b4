using System.Runtime.InteropServices;
using System.Text.Json;

namespace McpFleet.Routing;

/// <summary>
/// Sticky routing on one argument with rendezvous (highest-random-weight) hashing: a value always goes to the same
/// replica while it is routable, and when replicas come or go only the values of those replicas move. Calls without the
/// argument go round in turn.
/// </summary>
internal sealed class ConsistentHashStrategy(string argumentName) : RoutingStrategy
{
    private readonly RoundRobinStrategy _fallback = new();

    public override string Name => "consistent-hash";

    public override int Choose(in RoutingContext context)
    {
        if (!context.Arguments.TryGetValue(argumentName, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return _fallback.Choose(context);
        }

        // The value's JSON text, read without allocating: "42" and 42 are different keys.
        var key = StableHash.Of(JsonMarshal.GetRawUtf8Value(value));
        var candidates = context.Candidates;
        var best = 0;
        var bestScore = StableHash.Mix(key, candidates[0].NameHash);
        for (var i = 1; i < candidates.Length; i++)
        {
            var score = StableHash.Mix(key, candidates[i].NameHash);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }
}
