using System.Text.Json.Nodes;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>remove &lt;name&gt;</c>: a server leaves the fleet once its calls in flight complete.</summary>
internal sealed class RemoveVerb : ReplVerb
{
    public override string Name => "remove";

    public override string Usage => "remove <server>";

    public override string Summary => "Take a server out of the fleet; its calls in flight complete first.";

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var name = arguments.ReadRequiredWord("server name", Usage);
        arguments.ExpectEnd(Usage);
        session.RequireServer(name);
        if (!await session.Runtime.RemoveServerAsync(name, cancellationToken))
        {
            // Removed meanwhile, e.g. by a discovery source.
            session.RequireServer(name);
        }

        return VerbResult.Text($"Removed {name}.", new JsonObject { ["removed"] = name });
    }

    public override IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) =>
        previousWords.Count == 0 ? session.Runtime.ServerNames : [];
}
