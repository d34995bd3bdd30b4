using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using ModelContextProtocol;

namespace McpFleet.AI;

/// <summary>
/// The <c>find_tools</c> meta-tool of <see cref="ToolSearchMode.Local"/>: ranks the fleet's tools by the query's words
/// in their names, titles and descriptions, adds the best to the tool list the model is given, and tells the model
/// which they are.
/// </summary>
internal sealed class FindToolsFunction : AIFunction
{
    public const string FunctionName = "find_tools";

    private static readonly JsonElement s_schema = JsonDocument.Parse(
        """{"type":"object","properties":{"query":{"type":"string","description":"Keywords for what the tool should do, e.g. 'read file' or 'weather forecast'."}},"required":["query"]}""").RootElement.Clone();

    private static readonly char[] s_separators = [' ', '\t', '\n', '_', '-', '.', ',', ';', ':', '/', '(', ')', '\'', '"'];

    private readonly IReadOnlyList<AITool> _tools;
    private readonly GrowingToolList _offered;
    private readonly int _limit;

    public FindToolsFunction(IReadOnlyList<AITool> tools, GrowingToolList offered, int limit)
    {
        _tools = tools;
        _offered = offered;
        _limit = limit;
    }

    public override string Name => FunctionName;

    public override string Description =>
        $"Finds tools among the {_tools.Count} this assistant can use, by keywords, and makes the best {_limit} callable from your next step. " +
        "Call it before you need a tool you have not been given.";

    public override JsonElement JsonSchema => s_schema;

    public override JsonSerializerOptions JsonSerializerOptions => McpJsonUtilities.DefaultOptions;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var query = arguments.TryGetValue("query", out var value) ? value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
            string text => text,
            _ => null,
        } : null;
        var words = Words(query ?? "");
        var found = _tools
            .Select(tool => (tool, score: Score(tool, words)))
            .Where(match => match.score > 0)
            .OrderByDescending(match => match.score)
            .ThenBy(match => match.tool.Name, StringComparer.Ordinal)
            .Take(_limit)
            .Select(match => match.tool)
            .ToList();
        _offered.AddMissing(found);

        var tools = new JsonArray();
        foreach (var tool in found)
        {
            var entry = new JsonObject { ["name"] = tool.Name, ["description"] = tool.Description };
            if (tool.GetService<AIFunctionDeclaration>() is { } declaration)
            {
                entry["inputSchema"] = JsonNode.Parse(declaration.JsonSchema.GetRawText());
            }

            tools.Add((JsonNode)entry);
        }

        var answer = new JsonObject
        {
            ["tools"] = tools,
            ["note"] = found.Count == 0 ? "No tool matches; try other keywords." : "These tools can be called now.",
        };
        return new(JsonSerializer.SerializeToElement(answer, (JsonTypeInfo<JsonObject>)JsonSerializerOptions.GetTypeInfo(typeof(JsonObject))));
    }

    private static string[] Words(string text) =>
        [.. text.ToLowerInvariant().Split(s_separators, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Words in the name count three times, in the title twice, in the description once.</summary>
    private static int Score(AITool tool, string[] words)
    {
        var name = Words(tool.Name);
        var title = Words(tool.GetService<FleetAIFunction>()?.Definition.Title ?? "");
        var description = Words(tool.Description);
        return words.Sum(word => (name.Contains(word) ? 3 : 0) + (title.Contains(word) ? 2 : 0) + (description.Contains(word) ? 1 : 0));
    }
}
