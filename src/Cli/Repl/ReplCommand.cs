using System.CommandLine;
using McpFleet.Cli.Authentication;
using McpFleet.Cli.Repl.Input;
using McpFleet.Cli.Repl.Output;

namespace McpFleet.Cli.Repl;

/// <summary><c>mcpfleet repl</c>, the interactive client, and its one-shot verbs: <c>mcpfleet servers|tools|call|stats …</c>.</summary>
internal static class ReplCommand
{
    private const string Prompt = "mcpfleet> ";

    /// <summary>The <c>repl</c> command and one command per one-shot verb.</summary>
    public static IEnumerable<Command> Create(CliConsole console) =>
        ReplVerbs.All.Where(verb => verb.IsOneShot).Select(verb => CreateOneShot(console, verb)).Prepend(CreateRepl(console));

    private static Command CreateRepl(CliConsole console)
    {
        var commandLine = new SessionCommandLine();
        var servers = new Argument<string[]>("servers")
        {
            Description = "Servers as name=target: name=http://host:port/mcp, name=host:port (see --transport), or name=\"command args…\" for a stdio server.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var test = new Option<bool>("--test")
        {
            Description = "Test mode: run selftest (connect to every server, list its tools, call each read-only tool that needs no arguments), print a pass/fail table and exit; 1 when a check failed.",
        };
        var command = new Command("repl", "An interactive client for the fleet: servers, tools, calls (per server or routed), add, remove, strategy, stats. Type help inside.")
        {
            servers, test,
        };
        commandLine.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => parseResult.GetValue(test)
            ? RunOnceAsync(console, commandLine, parseResult, ReplVerbs.Find("selftest")!, parseResult.GetValue(servers) ?? [], cancellationToken)
            : RunReplAsync(console, commandLine, parseResult, parseResult.GetValue(servers) ?? [], cancellationToken));
        return command;
    }

    private static Command CreateOneShot(CliConsole console, ReplVerb verb)
    {
        var commandLine = new SessionCommandLine();
        var arguments = new Argument<string[]>("arguments")
        {
            Description = $"As in the REPL ({verb.Usage}), and the servers as name=target.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command(verb.Name, $"{verb.Summary} Runs '{verb.Usage}' once, as in the REPL.") { arguments };
        commandLine.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunOnceAsync(console, commandLine, parseResult, verb, parseResult.GetValue(arguments) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunReplAsync(CliConsole console, SessionCommandLine commandLine, ParseResult parseResult, string[] targets, CancellationToken cancellationToken)
    {
        var (session, renderer) = OpenSession(console, commandLine, parseResult, targets, requireServers: false);
        if (session is null)
        {
            return CliApplication.UsageError;
        }

        await using (session)
        {
            var unreachable = await session.ConnectAsync(cancellationToken);
            ILineInput input = console.IsInteractive ? new LineEditor(Prompt, session.CompleteWord) : new ReaderLineInput(console.In);
            if (console.IsInteractive)
            {
                renderer.Render(new VerbResult([new TextBlock(Banner(session), Tone.Muted)], Json: null) { Problems = unreachable });
            }

            await ReplLoop.RunAsync(session, input, renderer, cancellationToken);
        }

        return CliApplication.Success;
    }

    private static async Task<int> RunOnceAsync(
        CliConsole console, SessionCommandLine commandLine, ParseResult parseResult, ReplVerb verb, string[] arguments, CancellationToken cancellationToken)
    {
        var (session, renderer) = OpenSession(console, commandLine, parseResult, [.. arguments.Where(ServerTargets.IsTargetArgument)], requireServers: true);
        if (session is null)
        {
            return CliApplication.UsageError;
        }

        await using (session)
        {
            // The shell has split the line already; the verb reads its words and JSON as the REPL would.
            var line = string.Join(' ', arguments.Where(argument => !ServerTargets.IsTargetArgument(argument)).Prepend(verb.Name));
            var (succeeded, _) = await ReplLoop.RunLineAsync(session, line, renderer, cancellationToken);
            return succeeded ? CliApplication.Success : CliApplication.Failure;
        }
    }

    /// <summary>Opens the session of the servers on the command line, and the renderer of its output.</summary>
    /// <returns>No session when the servers or the configuration are not usable; the renderer has shown why.</returns>
    private static (ReplSession? Session, IReplRenderer Renderer) OpenSession(
        CliConsole console, SessionCommandLine commandLine, ParseResult parseResult, IReadOnlyList<string> targets, bool requireServers)
    {
        var secrets = new SecretMask();
        var renderer = commandLine.CreateRenderer(parseResult, console, secrets);
        var signIn = new OAuthSignIn(console);
        try
        {
            var session = commandLine.OpenSession(parseResult, targets, requireServers, secrets, signIn, console.ReadInput);
            session.ShowProgress = renderer.Progress;
            return (session, renderer);
        }
        catch (Exception e) when (SessionCommandLine.IsUsageError(e))
        {
            signIn.Dispose();
            renderer.Error(ServerFailures.OneLine(e.Message));
            return (null, renderer);
        }
    }

    private static string Banner(ReplSession session) =>
        $"McpFleet REPL: {session.Runtime.ServerNames.Count} {(session.Runtime.ServerNames.Count == 1 ? "server" : "servers")} ({session.DescribeServers()}), routing {session.Runtime.RoutingStrategy.Name}. Type help for the commands, Tab to complete, quit to leave.";
}
