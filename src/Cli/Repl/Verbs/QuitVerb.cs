namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>quit</c>: ends the session, and with it every server process it started.</summary>
internal sealed class QuitVerb : ReplVerb
{
    public override string Name => "quit";

    public override IReadOnlyList<string> Aliases => ["exit"];

    public override string Usage => "quit";

    public override string Summary => "End the session (so does end of input, Ctrl+D).";

    public override Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        arguments.ExpectEnd(Usage);
        return Task.FromResult(new VerbResult([], Json: null) { EndsSession = true });
    }
}
