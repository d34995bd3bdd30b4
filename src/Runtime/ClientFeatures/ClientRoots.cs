// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using McpFleet.Configuration;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>The roots the fleet shares now: the fleet-wide list and the servers' own lists, replaced whole on change.</summary>
internal sealed class ClientRoots
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Root> _fleetWide;
    private Dictionary<string, IReadOnlyList<Root>> _servers;

    public ClientRoots(RootsOptions options)
    {
        _fleetWide = [.. options.Roots];
        _servers = options.Servers.ToDictionary(server => server.Key, server => (IReadOnlyList<Root>)[.. server.Value ?? []], StringComparer.Ordinal);
    }

    /// <summary>The roots of <paramref name="server"/>, or <see langword="null"/> when it has none to be told about.</summary>
    public IReadOnlyList<Root>? For(ServerDefinition server)
    {
        lock (_gate)
        {
            return _servers.GetValueOrDefault(server.Name) ?? _servers.GetValueOrDefault(server.Service) ?? (_fleetWide.Count > 0 ? _fleetWide : null);
        }
    }

    /// <summary>Whether <paramref name="server"/> has roots of its own, unaffected by the fleet-wide list.</summary>
    public bool HasOwn(ServerDefinition server)
    {
        lock (_gate)
        {
            return _servers.ContainsKey(server.Name) || _servers.ContainsKey(server.Service);
        }
    }

    public void SetFleetWide(IReadOnlyList<Root> roots)
    {
        lock (_gate)
        {
            _fleetWide = roots;
        }
    }

    /// <summary>Sets the list of one server, or with <see langword="null"/> returns it to the fleet-wide list.</summary>
    public void SetServer(string serverName, IReadOnlyList<Root>? roots)
    {
        lock (_gate)
        {
            var servers = new Dictionary<string, IReadOnlyList<Root>>(_servers, StringComparer.Ordinal);
            if (roots is null)
            {
                servers.Remove(serverName);
            }
            else
            {
                servers[serverName] = roots;
            }

            _servers = servers;
        }
    }
}
