using System.CommandLine;
using McpFleet.Cli.Authentication;
using McpFleet.Connections;

namespace McpFleet.Cli.Check;

/// <summary>
/// <c>mcpfleet check</c>: compares the live servers of an <c>mcp.json</c> with their committed snapshots, prints the
/// classified differences and fails on the classes named by <c>--fail-on</c>, for CI; <c>--update</c> re-captures.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var live = new LiveServerOptions("Check");
        var snapshots = new Option<DirectoryInfo>("--snapshots", "--out", "-o")
        {
            Description = "The folder of the committed <server>.snapshot.json files (as written by mcpfleet capture --out).",
            DefaultValueFactory = _ => new DirectoryInfo("snapshots"),
        };
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = $"The drift classes that fail the check (exit code {CliApplication.Failure}): {string.Join(", ", FailOnClasses.ByName.Keys)}, or {FailOnClasses.None}.",
            DefaultValueFactory = _ => FailOnClasses.Default,
            AllowMultipleArgumentsPerToken = true,
        };
        failOn.AcceptOnlyFromAmong([.. FailOnClasses.ByName.Keys, FailOnClasses.None]);
        var update = new Option<bool>("--update")
        {
            Description = "Re-capture: write each server's live definitions over its snapshot after printing the differences.",
        };

        var command = new Command(
            "check",
            $"Compare the live servers of an mcp.json with their snapshots and print the classified differences. Exit codes: {CliApplication.Success} no failing drift, "
            + $"{CliApplication.Failure} drift of a --fail-on class, {CliApplication.UsageError} bad arguments or configuration, {CliApplication.NotChecked} a server could not be checked.")
        {
            snapshots, failOn, update,
        };
        live.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(live.Config),
            parseResult.GetValue(snapshots)!,
            parseResult.GetValue(live.Servers) ?? [],
            live.GetConnectionOptions(parseResult),
            parseResult.GetValue(live.ProtocolVersion),
            FailOnClasses.Parse(parseResult.GetValue(failOn) ?? []),
            parseResult.GetValue(update),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console,
        FileInfo? configFile,
        DirectoryInfo snapshots,
        string[] serverNames,
        ConnectionOptions connection,
        string? protocolVersion,
        IReadOnlySet<Drift.DriftClass> failOn,
        bool update,
        CancellationToken cancellationToken)
    {
        if (await LiveServerSelection.SelectAsync(console, configFile, serverNames) is not ({ } configured, { } unavailable, { } all))
        {
            return CliApplication.UsageError;
        }

        using var signIn = new OAuthSignIn(console);
        var selected = configured.Select(signIn.Prepare).ToList();

        var runner = new CheckRunner(connection, snapshots.FullName, protocolVersion, update, all);
        ICheckDisplay display = console.Live is { } live ? new LiveCheckDisplay(live) : new PlainCheckDisplay(console.Out);
        var outcomes = (await display.RunAsync(selected.Count, () => runner.CheckAsync(selected, cancellationToken)))
            .Concat(unavailable.Select(u => new ServerCheckOutcome(u.Name, [], Error: u.Reason)))
            .OrderBy(outcome => outcome.ServerName, StringComparer.Ordinal)
            .ToList();
        display.Show(outcomes, failOn);
        await console.Out.WriteLineAsync(CheckSummary.Total(outcomes, failOn, snapshots.FullName, update));

        // Updated snapshots accept the drift: only servers that could not be checked fail the run then.
        return !update && outcomes.Any(o => o.Fails(failOn)) ? CliApplication.Failure
            : outcomes.Any(o => !o.Checked) ? CliApplication.NotChecked
            : CliApplication.Success;
    }
}
