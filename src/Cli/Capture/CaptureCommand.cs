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
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = $"The mcp.json to read. Default: the first of {string.Join(", ", ConfigurationLocator.Candidates)} in the current folder.",
        };
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "The folder snapshots are written to, one <server>.snapshot.json per server.",
            DefaultValueFactory = _ => new DirectoryInfo("snapshots"),
        };
        var servers = new Option<string[]>("--server", "-s")
        {
            Description = "Capture only this server (repeatable). Default: every enabled server.",
            AllowMultipleArgumentsPerToken = true,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds each server may take to connect, and each list request to answer.",
            DefaultValueFactory = _ => 30,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });
        var protocolVersion = new Option<string?>("--protocol-version")
        {
            Description = "Pin this protocol revision for every server (e.g. 2025-11-25), or 'auto' to negotiate afresh even where a previous snapshot would pin one.",
        };

        var command = new Command("capture", "Connect to the servers of an mcp.json and write one deterministic snapshot file per server.")
        {
            config, output, servers, timeout, protocolVersion,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(config),
            parseResult.GetValue(output)!,
            parseResult.GetValue(servers) ?? [],
            TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            parseResult.GetValue(protocolVersion),
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
