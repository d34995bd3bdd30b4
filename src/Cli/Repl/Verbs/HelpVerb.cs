using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>help [verb]</c>: the verbs, how to write them and what they do.</summary>
internal sealed class HelpVerb : ReplVerb
{
    public override string Name => "help";

    public override IReadOnlyList<string> Aliases => ["?"];

    public override string Usage => "help [command]";

    public override string Summary => "List the commands, or explain one.";

    public override Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var word = arguments.ReadWord();
        arguments.ExpectEnd(Usage);
        IReadOnlyList<ReplVerb> verbs = word is null
            ? ReplVerbs.All
            : [ReplVerbs.Find(word) ?? throw new ReplException($"Unknown command '{word}'; commands: {string.Join(", ", ReplVerbs.All.Select(verb => verb.Name))}.")];
        return Task.FromResult(new VerbResult(
            [new TableBlock(["command", "description"], [.. verbs.Select(verb => (IReadOnlyList<Cell>)[verb.Usage, verb.Summary])])],
            new JsonObject
            {
                ["commands"] = new JsonArray([.. verbs.Select(verb => new JsonObject
                {
                    ["name"] = verb.Name,
                    ["usage"] = verb.Usage,
                    ["summary"] = verb.Summary,
                    ["aliases"] = new JsonArray([.. verb.Aliases.Select(alias => JsonValue.Create(alias))]),
                    ["oneShot"] = verb.IsOneShot,
                })]),
            }));
    }

    public override IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) =>
        previousWords.Count == 0 ? ReplVerbs.All.Select(verb => verb.Name) : [];
}
