using System.CommandLine;
using McpFleet.Cli.Capture;

namespace McpFleet.Cli;

/// <summary>The <c>mcpfleet</c> command line.</summary>
internal static class CliApplication
{
    /// <summary>Exit code of a run in which every server succeeded.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run in which at least one server failed.</summary>
    public const int ServerFailed = 1;

    /// <summary>Exit code of a run that could not start: bad arguments or configuration.</summary>
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("McpFleet: use many MCP servers as one typed, resilient fleet.")
        {
            CaptureCommand.Create(console),
        };

        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }
}
