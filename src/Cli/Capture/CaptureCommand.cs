using System.CommandLine;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Snapshots;

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
            TimeSpan.FromSeconds(parseResult.GetValue(live.Timeout)),
            parseResult.GetValue(live.ProtocolVersion),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, FileInfo? configFile, DirectoryInfo output, string[] serverNames, TimeSpan timeout, string? protocolVersion, CancellationToken cancellationToken)
    {
        IReadOnlyList<ServerDefinition> selected;
        try
        {
            selected = SelectServers(LoadConfiguration(configFile), serverNames);
        }
        catch (Exception e) when (e is McpConfigurationException or KeyNotFoundException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync(e.Message);
            return CliApplication.UsageError;
        }

        var runner = new CaptureRunner(new ConnectionOptions { ConnectTimeout = timeout, RequestTimeout = timeout }, output.FullName, protocolVersion);
        ICaptureProgress progress = console.Live is { } live ? new LiveCaptureProgress(live) : new PlainCaptureProgress(console.Out);
        var outcomes = await progress.RunAsync(
            [.. selected.Select(s => s.Name)],
            observer => runner.CaptureAsync(selected, observer, cancellationToken));

        await console.Out.WriteLineAsync(CaptureSummary.Total(outcomes, output.FullName));
        return outcomes.All(o => o.Succeeded) ? CliApplication.Success : CliApplication.Failure;
    }

    /// <summary>The configuration named on the command line, or the first one found in the current folder.</summary>
    internal static McpConfiguration LoadConfiguration(FileInfo? configFile)
    {
        var path = configFile?.FullName
            ?? ConfigurationLocator.Find(Directory.GetCurrentDirectory())
            ?? throw new McpConfigurationException(
                $"No configuration given and none found in {Directory.GetCurrentDirectory()} (looked for {string.Join(", ", ConfigurationLocator.Candidates)}); use --config.");
        return McpConfiguration.Load(path);
    }

    /// <summary>The servers named on the command line (all enabled ones by default), each with a snapshot file of its own.</summary>
    internal static List<ServerDefinition> SelectServers(McpConfiguration configuration, string[] names)
    {
        var selected = names.Length == 0
            ? [.. configuration.Servers]
            : names.Distinct(StringComparer.Ordinal).Select(configuration.GetServer).ToList();
        if (selected.Count == 0)
        {
            throw new InvalidOperationException($"{configuration.SourcePath}: no enabled servers.");
        }

        // Two names that map to one file would overwrite each other's snapshot.
        var clash = selected.GroupBy(s => ServerSnapshot.GetFileName(s.Name), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? selected
            : throw new InvalidOperationException(
                $"Servers {string.Join(" and ", clash.Select(s => $"'{s.Name}'"))} would both be written to {clash.Key}; rename one in {configuration.SourcePath}.");
    }
}
