using System.Text.Json.Nodes;
using McpFleet.Aggregation;
using McpFleet.Cli.Repl.Output;
using McpFleet.Tools;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary>
/// <c>broadcast &lt;tool&gt; [--aggregate &lt;strategy&gt;] [json]</c> calls a tool on every server that lists it, in
/// parallel, and shows each server's outcome and the aggregated answer.
/// </summary>
internal sealed class BroadcastVerb : ReplVerb
{
    private const string AggregateOption = "--aggregate";
    private static readonly string[] s_strategies = ["all", "first", "fastest", "majority", "quorum:"];

    public override string Name => "broadcast";

    public override string Usage => "broadcast <tool> [--aggregate all|first|fastest|majority|quorum:N] [json]";

    public override string Summary => "Call a tool on every server that lists it, in parallel, and aggregate the answers (default: all).";

    public override bool IsOneShot => true;

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var toolName = arguments.ReadRequiredWord("tool", Usage);
        var strategy = "all";
        if (!arguments.AtEnd && !arguments.AtJson)
        {
            var option = arguments.ReadWord();
            strategy = option == AggregateOption
                ? arguments.ReadRequiredWord("aggregation strategy", Usage)
                : throw new ReplException($"Unexpected '{option}'; usage: {Usage}");
        }

        var json = arguments.ReadJsonObject();

        // With all, the aggregate is every server's answer, which the table shows already: it is not printed again.
        return strategy == "all"
            ? await RunAsync(session, toolName, json, AggregationStrategies.All<RawToolResult>(), values => string.Join("\n", values.Select(v => v.Text)), showValue: false, cancellationToken)
            : await RunAsync(session, toolName, json, Parse(strategy), value => value.Text, showValue: true, cancellationToken);
    }

    public override IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) => previousWords.Count switch
    {
        0 => session.Tools.KnownToolNames(),
        1 => [AggregateOption],
        2 when previousWords[1] == AggregateOption => s_strategies,
        _ => [],
    };

    private static AggregationStrategy<RawToolResult, RawToolResult> Parse(string name)
    {
        try
        {
            return AggregationStrategies.FromName<RawToolResult>(name);
        }
        catch (ArgumentException)
        {
            throw new ReplException($"Unknown aggregation strategy '{name}'; expected all, first, fastest, majority or quorum:<count>.");
        }
    }

    private static async Task<VerbResult> RunAsync<TValue>(
        ReplSession session,
        string toolName,
        System.Text.Json.JsonElement json,
        AggregationStrategy<RawToolResult, TValue> strategy,
        Func<TValue, string> describe,
        bool showValue,
        CancellationToken cancellationToken)
    {
        FanOutResult<RawToolResult, TValue> result;
        try
        {
            result = await session.Runtime.BroadcastAsync(toolName, json, strategy, cancellationToken: cancellationToken);
        }
        catch (FanOutException e) when (e.Kind == FanOutFailureKind.NoTargets)
        {
            // The fan-out read every server's tool list to find its targets: none lists the tool.
            throw new ReplException($"Unknown tool '{toolName}': no server lists it.");
        }
        catch (FanOutException e)
        {
            throw new ReplException($"broadcast {toolName} ({strategy.Name}): {e.Message}");
        }

        var rows = result.Outcomes.Select(outcome => (IReadOnlyList<Cell>)
        [
            outcome.Server,
            new Cell(outcome.Status.ToString().ToLowerInvariant(), outcome.Succeeded ? Tone.Good : Tone.Bad),
            DurationText.Format(outcome.Latency),
            outcome.Succeeded ? outcome.Value!.Text : ServerFailures.Describe(outcome.Exception!),
        ]).ToList();
        var summary = $"{toolName} on {result.Outcomes.Count} server(s) ({DurationText.Format(result.Duration)}, {strategy.Name}; from {string.Join(", ", result.Contributors)})";
        List<OutputBlock> blocks = [new TextBlock(summary, Tone.Muted), new TableBlock(["server", "outcome", "latency", "result"], rows)];
        if (showValue)
        {
            blocks.Add(new TextBlock(describe(result.Value)));
        }

        return new VerbResult(
            blocks,
            new JsonObject
            {
                ["tool"] = toolName,
                ["strategy"] = strategy.Name,
                ["elapsedMs"] = DurationText.Milliseconds(result.Duration),
                ["contributors"] = new JsonArray([.. result.Contributors.Select(server => (JsonNode?)server)]),
                ["value"] = describe(result.Value),
                ["outcomes"] = new JsonArray([.. result.Outcomes.Select(outcome => (JsonNode?)new JsonObject
                {
                    ["server"] = outcome.Server,
                    ["status"] = outcome.Status.ToString().ToLowerInvariant(),
                    ["latencyMs"] = DurationText.Milliseconds(outcome.Latency),
                    ["text"] = outcome.Succeeded ? outcome.Value!.Text : null,
                    ["error"] = outcome.Succeeded ? null : ServerFailures.Describe(outcome.Exception!),
                })]),
            });
    }
}
