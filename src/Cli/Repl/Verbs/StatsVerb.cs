using System.Globalization;
using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>stats</c>: calls, errors and latency per server and tool, and routing decisions, from the runtime's metrics.</summary>
internal sealed class StatsVerb : ReplVerb
{
    public override string Name => "stats";

    public override string Usage => "stats";

    public override string Summary => "Calls, errors and latency (mean, p50, p95) per server and tool, and routing decisions, this session.";

    public override bool IsOneShot => true;

    public override Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        arguments.ExpectEnd(Usage);
        var calls = session.Statistics.GetToolCalls();
        var decisions = session.Statistics.GetRoutingDecisions();
        var blocks = new List<OutputBlock>();
        if (calls.Count == 0)
        {
            blocks.Add(new TextBlock("No calls yet.", Tone.Muted));
        }
        else
        {
            blocks.Add(new TableBlock(
                ["server", "tool", "calls", "errors", "mean", "p50", "p95"],
                [
                    .. calls.Select(call => (IReadOnlyList<Cell>)
                    [
                        call.Server,
                        call.Tool,
                        Count(call.Calls),
                        new Cell(Count(call.Errors), call.Errors > 0 ? Tone.Bad : Tone.Normal),
                        DurationText.Format(call.Mean),
                        DurationText.Format(call.P50),
                        DurationText.Format(call.P95),
                    ]),
                ],
                "Calls"));
        }

        if (decisions.Count > 0)
        {
            blocks.Add(new TableBlock(
                ["tool", "strategy", "server", "decisions"],
                [.. decisions.Select(decision => (IReadOnlyList<Cell>)[decision.Tool, decision.Strategy, decision.Server, Count(decision.Decisions)])],
                "Routing decisions"));
        }

        return Task.FromResult(new VerbResult(blocks, new JsonObject
        {
            ["calls"] = new JsonArray([.. calls.Select(call => new JsonObject
            {
                ["server"] = call.Server,
                ["tool"] = call.Tool,
                ["calls"] = call.Calls,
                ["errors"] = call.Errors,
                ["meanMs"] = DurationText.Milliseconds(call.Mean),
                ["p50Ms"] = DurationText.Milliseconds(call.P50),
                ["p95Ms"] = DurationText.Milliseconds(call.P95),
            })]),
            ["routing"] = new JsonArray([.. decisions.Select(decision => new JsonObject
            {
                ["tool"] = decision.Tool,
                ["strategy"] = decision.Strategy,
                ["server"] = decision.Server,
                ["decisions"] = decision.Decisions,
            })]),
        }));
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
