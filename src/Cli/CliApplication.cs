using System.CommandLine;
using McpFleet.Cli.Capture;
using McpFleet.Cli.Check;
using McpFleet.Cli.Conflicts;
using McpFleet.Cli.Repl;

namespace McpFleet.Cli;

/// <summary>The <c>mcpfleet</c> command line.</summary>
internal static class CliApplication
{
    /// <summary>Exit code of a run that found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run that found failures: a server that could not be captured, an unresolved conflict, a failed call.</summary>
    public const int Failure = 1;

    /// <summary>Exit code of a run that could not start: bad arguments or configuration.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of <c>mcpfleet check</c> when a server could not be checked (unreachable, no snapshot) and no
    /// failing drift was found elsewhere.</summary>
    public const int NotChecked = 3;

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("McpFleet: use many MCP servers as one typed, resilient fleet.")
        {
            CaptureCommand.Create(console),
            CheckCommand.Create(console),
            ConflictsCommand.Create(console),
        };
        foreach (var command in ReplCommand.Create(console))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);

        // System.CommandLine exits with 1 on bad arguments, which would read as "failures found" to CI.
        return parseResult.Errors.Count > 0 ? UsageError : exitCode;
    }
}
