using System.CommandLine;
using McpFleet.Cli.Authentication;
using McpFleet.Connections;

namespace McpFleet.Cli.Capture;

/// <summary><c>mcpfleet capture</c>: snapshots the servers of an <c>mcp.json</c>.</summary>
internal static class CaptureCommand
{
    public static Command Create(CliConsole console)
    {
        var live = new LiveServerOptions("Capture");
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "The folder snapshots are written to, one <server>.snapshot.json per server.",
            DefaultValueFactory = _ => new DirectoryInfo("snapshots"),
        };
        var command = new Command("capture", "Connect to the servers of an mcp.json and write one deterministic snapshot file per server.")
        {
            output,
        };
        live.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(live.Config),
            parseResult.GetValue(output)!,
            parseResult.GetValue(live.Servers) ?? [],
            live.GetConnectionOptions(parseResult),
            parseResult.GetValue(live.ProtocolVersion),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, FileInfo? configFile, DirectoryInfo output, string[] serverNames, ConnectionOptions connection, string? protocolVersion, CancellationToken cancellationToken)
    {
        if (await LiveServerSelection.SelectAsync(console, configFile, serverNames) is not ({ } configured, { } unavailable, { } all))
        {
            return CliApplication.UsageError;
        }

        using var signIn = new OAuthSignIn(console);
        var selected = configured.Select(signIn.Prepare).ToList();

        var runner = new CaptureRunner(connection, output.FullName, protocolVersion, all);
        ICaptureProgress progress = console.Live is { } live ? new LiveCaptureProgress(live) : new PlainCaptureProgress(console.Out);
        var outcomes = await progress.RunAsync(
            [.. unavailable.Select(u => u.Name), .. selected.Select(s => s.Name)],
            async observer =>
            {
                // A server whose variables are not set fails alone; the others are still captured.
                var skipped = unavailable.Select(u => new ServerCaptureOutcome(u.Name, TimeSpan.Zero, ProtocolVersionSource.Negotiated, Error: u.Reason)).ToList();
                skipped.ForEach(observer.Completed);
                return [.. skipped, .. await runner.CaptureAsync(selected, observer, cancellationToken)];
            });

        await console.Out.WriteLineAsync(CaptureSummary.Total(outcomes, output.FullName));
        return outcomes.All(o => o.Succeeded) ? CliApplication.Success : CliApplication.Failure;
    }
}
