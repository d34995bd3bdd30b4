using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;
using McpFleet.Configuration;
using ModelContextProtocol.Protocol;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>tools [server [tool]]</c>: the tools servers list now, or one tool's parameters and their types.</summary>
internal sealed class ToolsVerb : ReplVerb
{
    // Enough of a description to recognise the tool; the JSON output has all of it.
    private const int DescriptionWidth = 72;

    public override string Name => "tools";

    public override string Usage => "tools [server [tool]]";

    public override string Summary => "The tools every server, or one server, lists now; with a tool, its description, hints, parameters and their types.";

    public override bool IsOneShot => true;

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var only = arguments.ReadWord();
        var toolName = arguments.ReadWord();
        arguments.ExpectEnd(Usage);
        if (only is not null)
        {
            session.RequireServer(only);
        }

        if (toolName is not null)
        {
            var listed = await session.Tools.RefreshAsync(only!, cancellationToken);
            var tool = listed.FirstOrDefault(tool => tool.Name == toolName)
                ?? throw new ReplException($"Server '{only}' lists no tool '{toolName}'; tools: {string.Join(", ", listed.Select(tool => tool.Name).Order(StringComparer.Ordinal))}.{NameSuggestion.Hint(toolName, listed.Select(tool => tool.Name))}");
            return ToolDetail.Describe(only!, tool);
        }

        var listings = await Task.WhenAll((only is null ? session.Runtime.ServerNames : [only]).Select(async server =>
        {
            try
            {
                return (Server: server, Tools: await session.Tools.RefreshAsync(server, cancellationToken), Error: (string?)null);
            }
            catch (Exception e) when (ServerFailures.IsExpectedOrServerGone(e))
            {
                return (Server: server, Tools: (IReadOnlyList<Tool>)[], Error: ServerFailures.Describe(e));
            }
        }));
        if (only is not null && listings[0].Error is { } error)
        {
            throw new ReplException(error);
        }

        var tools = listings
            .SelectMany(listing => listing.Tools.Select(tool => (listing.Server, Tool: tool)))
            .OrderBy(entry => entry.Server, StringComparer.Ordinal)
            .ThenBy(entry => entry.Tool.Name, StringComparer.Ordinal)
            .ToList();
        OutputBlock[] blocks = tools.Count == 0
            ? [new TextBlock(only is null ? "No tools." : $"Server '{only}' lists no tools.", Tone.Muted)]
            : [new TableBlock(["server", "tool", "description"], [.. tools.Select(entry => (IReadOnlyList<Cell>)[entry.Server, entry.Tool.Name, new Cell(Shorten(entry.Tool.Description), Tone.Muted)])])];
        var json = new JsonArray([.. tools.Select(entry => new JsonObject
        {
            ["server"] = entry.Server,
            ["name"] = entry.Tool.Name,
            ["title"] = entry.Tool.Title,
            ["description"] = entry.Tool.Description,
            ["readOnly"] = entry.Tool.Annotations?.ReadOnlyHint,
            ["inputSchema"] = JsonNode.Parse(entry.Tool.InputSchema.GetRawText()),
        })]);
        return new VerbResult(blocks, new JsonObject { ["tools"] = json })
        {
            Problems = [.. listings.Where(listing => listing.Error is not null).Select(listing => listing.Error!)],
        };
    }

    public override IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) => previousWords.Count switch
    {
        0 => session.Runtime.ServerNames,
        1 => session.Tools.KnownToolNames(previousWords[0]),
        _ => [],
    };

    /// <summary>A description on one line, cut to <see cref="DescriptionWidth"/>.</summary>
    private static string Shorten(string? description)
    {
        var line = ServerFailures.OneLine(description ?? "");
        return line.Length <= DescriptionWidth ? line : string.Concat(line.AsSpan(0, DescriptionWidth - 3), "...");
    }
}
