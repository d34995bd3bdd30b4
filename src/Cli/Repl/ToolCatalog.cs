using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;

namespace McpFleet.Cli.Repl;

/// <summary>
/// The tools each server listed, asked for live and kept until the server says its list changed or leaves: routed
/// calls find the servers offering a tool here, and completion offers the names known so far without asking anyone.
/// </summary>
internal sealed class ToolCatalog
{
    private readonly FleetRuntime _runtime;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Tool>> _tools = new(StringComparer.Ordinal);

    public ToolCatalog(FleetRuntime runtime)
    {
        _runtime = runtime;
        runtime.ToolListChanged += (_, changed) => _tools.TryRemove(changed.ServerName, out var _);
        runtime.ServerRemoved += (_, removed) => _tools.TryRemove(removed.Server.Name, out var _);
    }

    /// <summary>Lists a server's tools now and keeps the list.</summary>
    /// <exception cref="Exception">One of <see cref="FleetRuntime.ListToolsAsync"/>'s.</exception>
    public async Task<IReadOnlyList<Tool>> RefreshAsync(string serverName, CancellationToken cancellationToken)
    {
        var tools = await _runtime.ListToolsAsync(serverName, cancellationToken);
        _tools[serverName] = tools;
        return tools;
    }

    /// <summary>A server's tools as last listed, listing them when they are not known.</summary>
    public async Task<IReadOnlyList<Tool>> GetAsync(string serverName, CancellationToken cancellationToken) =>
        _tools.TryGetValue(serverName, out var tools) ? tools : await RefreshAsync(serverName, cancellationToken);

    /// <summary>Every server of the fleet whose tools include <paramref name="toolName"/>, sorted; servers that cannot
    /// list their tools are left out.</summary>
    public async Task<IReadOnlyList<(string Server, Tool Tool)>> FindOfferingAsync(string toolName, CancellationToken cancellationToken)
    {
        var offers = await Task.WhenAll(_runtime.ServerNames.Select(async server =>
        {
            try
            {
                return (Server: server, Tool: (await GetAsync(server, cancellationToken)).FirstOrDefault(tool => tool.Name == toolName));
            }
            catch (Exception e) when (ServerFailures.IsExpectedOrServerGone(e))
            {
                return (Server: server, Tool: null);
            }
        }));
        return [.. offers.Where(offer => offer.Tool is not null).Select(offer => (offer.Server, offer.Tool!)).OrderBy(offer => offer.Server, StringComparer.Ordinal)];
    }

    /// <summary>The tool names known now, of one server or of all, sorted and without asking any server.</summary>
    public IReadOnlyList<string> KnownToolNames(string? serverName = null) =>
    [
        .. _tools
            .Where(entry => serverName is null || entry.Key == serverName)
            .SelectMany(entry => entry.Value.Select(tool => tool.Name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
