using System.Text.Json.Nodes;
using McpFleet.Routing;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>strategy [name]</c>: shows or switches the routing strategy of routed calls.</summary>
internal sealed class StrategyVerb : ReplVerb
{
    private static readonly string[] s_names = ["consistent-hash:", "latency-aware", "least-outstanding", "priority", "random", "round-robin", "weighted"];

    public override string Name => "strategy";

    public override string Usage => "strategy [name]";

    public override string Summary =>
        "Show the routing strategy of routed calls, or switch: round-robin, random, weighted, least-outstanding, latency-aware, priority, consistent-hash:<argument>.";

    public override Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var name = arguments.ReadWord();
        arguments.ExpectEnd(Usage);
        var previous = session.Runtime.RoutingStrategy.Name;
        if (name is null)
        {
            return Task.FromResult(VerbResult.Text($"Routing strategy: {previous}.", new JsonObject { ["strategy"] = previous }));
        }

        try
        {
            session.Runtime.RoutingStrategy = RoutingStrategies.FromName(name);
        }
        catch (ArgumentException e)
        {
            throw new ReplException(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal), e);
        }

        var current = session.Runtime.RoutingStrategy.Name;
        return Task.FromResult(VerbResult.Text(
            $"Routing strategy: {current} (was {previous}).",
            new JsonObject { ["strategy"] = current, ["previous"] = previous }));
    }

    public override IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) =>
        previousWords.Count == 0 ? s_names : [];
}
