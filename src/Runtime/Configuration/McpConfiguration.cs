using System.Text.Json;

namespace McpFleet.Configuration;

/// <summary>
/// The servers named in an <c>mcp.json</c> file, in the format VS Code (<c>{"servers": {…}}</c>) and the desktop
/// clients (<c>{"mcpServers": {…}}</c>) use. Comments and trailing commas are allowed, as in VS Code.
/// </summary>
public sealed class McpConfiguration
{
    private readonly Dictionary<string, ServerDefinition> _byName;

    internal McpConfiguration(IReadOnlyList<ServerDefinition> servers, string? sourcePath, IReadOnlyList<UnavailableServer>? unavailableServers = null)
    {
        Servers = servers;
        SourcePath = sourcePath;
        UnavailableServers = unavailableServers ?? [];
        _byName = servers.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The file the configuration was read from, if any.</summary>
    public string? SourcePath { get; }

    /// <summary>The enabled servers, in the order the file lists them.</summary>
    public IReadOnlyList<ServerDefinition> Servers { get; }

    /// <summary>
    /// The enabled servers that cannot be used, with why: an environment variable one of them refers to is not set.
    /// They are not in <see cref="Servers"/>; a fleet reports them when it starts, and calls to them fail with the reason.
    /// </summary>
    public IReadOnlyList<UnavailableServer> UnavailableServers { get; }

    /// <summary>Reads <paramref name="path"/>. Variables are looked up with <paramref name="getEnvironmentVariable"/>,
    /// the process environment by default; <c>${input:ID}</c> values are asked for with <paramref name="readInput"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="getEnvironmentVariable">Looks variables up; the process environment by default.</param>
    /// <param name="readInput">Asks the user for an input's value (once per input); without it, <c>${input:…}</c> is an error.
    /// It throws <see cref="InvalidOperationException"/> when it cannot ask, with a message saying why.</param>
    /// <exception cref="McpConfigurationException">The file is missing, not JSON, or not of the expected shape.</exception>
    public static McpConfiguration Load(string path, Func<string, string?>? getEnvironmentVariable = null, Func<McpInput, string>? readInput = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new McpConfigurationException(path, $"cannot read the configuration: {e.Message}", e);
        }

        return Parse(json, Path.GetFullPath(path), getEnvironmentVariable, readInput);
    }

    /// <summary>Parses the text of an <c>mcp.json</c> file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourcePath">Where the text came from: named in errors, and the base of relative paths.</param>
    /// <param name="getEnvironmentVariable">Looks variables up; the process environment by default.</param>
    /// <param name="readInput">Asks the user for an input's value, as for <see cref="Load"/>.</param>
    /// <exception cref="McpConfigurationException">The text is not JSON or not of the expected shape.</exception>
    public static McpConfiguration Parse(string json, string? sourcePath = null, Func<string, string?>? getEnvironmentVariable = null, Func<McpInput, string>? readInput = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parser = new McpConfigurationParser(sourcePath, getEnvironmentVariable ?? Environment.GetEnvironmentVariable, readInput);
        var servers = parser.Parse(json);
        return new McpConfiguration(servers, sourcePath, parser.UnavailableServers);
    }

    /// <summary>
    /// Reads one server entry in the <c>mcp.json</c> format (e.g. from a discovery source); <see langword="null"/> when
    /// it is disabled.
    /// </summary>
    /// <param name="name">The server's name.</param>
    /// <param name="entry">The entry: an object with <c>command</c> or <c>url</c> and the other <c>mcp.json</c> fields.</param>
    /// <param name="sourceDescription">Where the entry came from, named in errors.</param>
    /// <param name="getEnvironmentVariable">Looks variables up; the process environment by default.</param>
    /// <exception cref="McpConfigurationException">The entry is not of the expected shape.</exception>
    public static ServerDefinition? ParseServer(string name, JsonElement entry, string? sourceDescription = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new McpConfigurationParser(sourceDescription, getEnvironmentVariable ?? Environment.GetEnvironmentVariable).ParseServer(name, entry);
    }

    /// <summary>Finds a server by name.</summary>
    /// <exception cref="KeyNotFoundException">No usable server has that name; the message says why (an unset variable), or
    /// lists the names there are and suggests the closest.</exception>
    public ServerDefinition GetServer(string name) =>
        _byName.TryGetValue(name, out var server) ? server
        : UnavailableServers.FirstOrDefault(unavailable => unavailable.Name == name) is { } unavailable ? throw new KeyNotFoundException(unavailable.Reason)
        : throw new KeyNotFoundException(
            $"No server named '{name}' in {SourcePath ?? "the configuration"}; servers: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}.{NameSuggestion.Hint(name, _byName.Keys)}");
}
