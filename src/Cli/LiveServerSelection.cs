using McpFleet.Configuration;
using McpFleet.Snapshots;

namespace McpFleet.Cli;

/// <summary>
/// The servers the commands that connect to an <c>mcp.json</c> (<c>capture</c>, <c>check</c>) work on: the configuration
/// named by <see cref="LiveServerOptions.Config"/>, or found in the current folder, and its servers named by
/// <see cref="LiveServerOptions.Servers"/>.
/// </summary>
internal static class LiveServerSelection
{
    /// <summary>
    /// The servers to connect to; the selected servers that cannot be used (an environment variable they refer to is not
    /// set), which the command reports as failed; and every server of the configuration, whose secrets no output may
    /// hold. <see langword="null"/> when the configuration or the names are not usable, which is then written to
    /// <see cref="CliConsole.Error"/> as a usage error.
    /// </summary>
    public static async Task<(IReadOnlyList<ServerDefinition> Servers, IReadOnlyList<UnavailableServer> Unavailable, IReadOnlyList<ServerDefinition> Configured)?> SelectAsync(
        CliConsole console, FileInfo? configFile, string[] serverNames)
    {
        try
        {
            var configuration = LoadConfiguration(configFile, console.ReadInput);
            return (SelectServers(configuration, serverNames), serverNames.Length == 0 ? configuration.UnavailableServers : [], configuration.Servers);
        }
        catch (Exception e) when (e is McpConfigurationException or KeyNotFoundException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync(e.Message);
            return null;
        }
    }

    /// <summary>The configuration named on the command line, or the first one found in the current folder.</summary>
    private static McpConfiguration LoadConfiguration(FileInfo? configFile, Func<McpInput, string> readInput)
    {
        var path = configFile?.FullName
            ?? ConfigurationLocator.Find(Directory.GetCurrentDirectory())
            ?? throw new McpConfigurationException(
                $"No configuration given and none found in {Directory.GetCurrentDirectory()} (looked for {string.Join(", ", ConfigurationLocator.Candidates)}); use --config.");
        return McpConfiguration.Load(path, readInput: readInput);
    }

    /// <summary>The servers named on the command line (all enabled ones by default), each with a snapshot file of its own.</summary>
    private static List<ServerDefinition> SelectServers(McpConfiguration configuration, string[] names)
    {
        var selected = names.Length == 0
            ? [.. configuration.Servers]
            : names.Distinct(StringComparer.Ordinal).Select(configuration.GetServer).ToList();
        if (selected.Count == 0 && configuration.UnavailableServers.Count == 0)
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
