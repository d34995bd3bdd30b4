using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;
using McpFleet.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary>
/// <c>call &lt;server&gt; &lt;tool&gt; [json]</c> calls a tool of one server; <c>call &lt;tool&gt; [json]</c> routes the
/// call, with the fleet's strategy, among the servers whose tool lists have the tool.
/// </summary>
internal sealed class CallVerb : ReplVerb
{
    public override string Name => "call";

    public override string Usage => "call [server] <tool> [json]";

    public override string Summary => "Call a tool of one server, or without a server route it among the servers that list it.";

    public override bool IsOneShot => true;

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var first = arguments.ReadRequiredWord("tool", Usage);

        // call <tool> {…} routes; call <server> <tool> {…} does not. A word that is neither a server nor followed by
        // JSON is a server name mistyped.
        var routed = arguments.AtEnd || arguments.AtJson;
        if (arguments.AtEnd && session.FindServer(first) is not null)
        {
            throw new ReplException($"Missing tool after server '{first}'; usage: {Usage}");
        }

        if (!routed)
        {
            session.RequireServer(first);
        }

        var toolName = routed ? first : arguments.ReadRequiredWord("tool", Usage);
        var json = arguments.ReadJsonObject();
        var callArguments = new JsonToolArguments(json);
        var progress = session.ShowProgress is { } show ? new CallProgress(toolName, show) : null;
        var trace = CallStatistics.Trace();
        var started = session.Time.GetTimestamp();
        TextToolResult result;
        if (routed)
        {
            var group = await FindGroupAsync(session, toolName, cancellationToken);
            result = await session.Runtime.CallToolAsync<JsonToolArguments, TextToolResult>(group, callArguments, progress, cancellationToken);
        }
        else
        {
            var tool = await FindToolAsync(session, first, toolName, cancellationToken);
            result = await session.Runtime.CallToolAsync<JsonToolArguments, TextToolResult>(
                new ToolDescriptor(first, toolName, ToolHints.From(tool?.Annotations)), callArguments, progress, cancellationToken);
        }

        var elapsed = session.Time.GetElapsedTime(started);
        var server = trace.Server ?? first;
        var via = trace.Strategy is { } strategy ? $", routed by {strategy}" : "";
        return new VerbResult(
            [new TextBlock($"{toolName} on {server} ({DurationText.Format(elapsed)}{via})", Tone.Muted), new TextBlock(Body(result))],
            new JsonObject
            {
                ["server"] = server,
                ["tool"] = toolName,
                ["routed"] = routed,
                ["strategy"] = trace.Strategy,
                ["elapsedMs"] = DurationText.Milliseconds(elapsed),
                ["text"] = result.Text,
                ["result"] = JsonSerializer.SerializeToNode(result.RawResult, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
            });
    }

    public override IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) => previousWords.Count switch
    {
        0 => session.Runtime.ServerNames.Concat(session.Tools.KnownToolNames()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        1 when session.FindServer(previousWords[0]) is not null => session.Tools.KnownToolNames(previousWords[0]),
        _ => [],
    };

    /// <summary>A unified tool of every server listing <paramref name="toolName"/>: the REPL takes them for replicas.</summary>
    private static async Task<ToolGroupDescriptor> FindGroupAsync(ReplSession session, string toolName, CancellationToken cancellationToken)
    {
        var offers = await session.Tools.FindOfferingAsync(toolName, cancellationToken);
        if (offers.Count == 0)
        {
            var known = session.Tools.KnownToolNames();
            throw new ReplException(
                $"Unknown tool '{toolName}': no server lists it; tools: {(known.Count == 0 ? "none" : string.Join(", ", known))}. To call a server's tool by name: call <server> <tool> [json].");
        }

        return new ToolGroupDescriptor(
            toolName,
            [.. offers.Select(offer => new ToolGroupMember(new ToolDescriptor(offer.Server, toolName, ToolHints.From(offer.Tool?.Annotations))))],
            ToolGroupResolution.Replicas);
    }

    /// <summary>The tool as its server lists it, for its hints; <see langword="null"/> when it does not list it (the server
    /// then explains, e.g. that the tool is disabled) or cannot list its tools now.</summary>
    private static async Task<Tool?> FindToolAsync(ReplSession session, string server, string toolName, CancellationToken cancellationToken)
    {
        try
        {
            return (await session.Tools.GetAsync(server, cancellationToken)).FirstOrDefault(tool => tool.Name == toolName);
        }
        catch (Exception e) when (ServerFailures.IsExpected(e))
        {
            return null;
        }
    }


    /// <summary>The result's text, or its structured content when it has no text.</summary>
    private static string Body(TextToolResult result) =>
        result.Text.Length > 0 || result.RawResult.StructuredContent is not { } structured
            ? result.Text
            : structured.GetRawText();
}
