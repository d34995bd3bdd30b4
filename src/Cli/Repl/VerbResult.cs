using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;

namespace McpFleet.Cli.Repl;

/// <summary>What a verb produced, in two forms: blocks for people, and one JSON value for <c>--json</c> (none for <c>quit</c>).</summary>
internal sealed record VerbResult(IReadOnlyList<OutputBlock> Blocks, JsonNode? Json)
{
    /// <summary>Failures that did not stop the verb, e.g. a server that could not list its tools while the others did;
    /// they make a one-shot command fail.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Whether the session ends after this verb.</summary>
    public bool EndsSession { get; init; }

    public static VerbResult Text(string text, JsonNode json) => new([new TextBlock(text)], json);
}
