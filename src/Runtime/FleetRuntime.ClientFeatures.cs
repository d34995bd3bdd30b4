// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using McpFleet.ClientFeatures;
using McpFleet.Registry;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFleet;

public sealed partial class FleetRuntime
{
    /// <summary>
    /// Replaces the fleet-wide roots and sends <c>notifications/roots/list_changed</c> to every connected server that
    /// uses them. A server whose session was opened without roots learns of them when it next connects.
    /// </summary>
    /// <param name="roots">The roots (<c>file://</c> URIs).</param>
    /// <param name="cancellationToken">Cancels sending the notices; the roots are replaced regardless.</param>
    /// <exception cref="ArgumentException">A root has no <c>file://</c> URI.</exception>
    public async Task SetRootsAsync(IReadOnlyList<Root> roots, CancellationToken cancellationToken = default)
    {
        _clientHandlers.Roots.SetFleetWide(CheckRoots(roots));
        await NotifyRootsChangedAsync(_registry.All.Where(entry => !_clientHandlers.Roots.HasOwn(entry.Definition)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the roots of one server (<see langword="null"/>: it uses the fleet-wide roots again) and sends
    /// <c>notifications/roots/list_changed</c> to its connected instances.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server (a replica's own name, or the name of the server it is a
    /// replica of, which covers all its instances).</param>
    /// <param name="roots">The roots (<c>file://</c> URIs), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels sending the notices; the roots are replaced regardless.</param>
    /// <exception cref="ArgumentException">A root has no <c>file://</c> URI.</exception>
    public async Task SetRootsAsync(string serverName, IReadOnlyList<Root>? roots, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        _clientHandlers.Roots.SetServer(serverName, roots is null ? null : CheckRoots(roots));
        await NotifyRootsChangedAsync(_registry.All.Where(entry => entry.Name == serverName || entry.Definition.Service == serverName), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets the least severe level of the log messages kept from one server (see <see cref="ServerLogOptions"/>), and
    /// asks its connected instances for it where their protocol revision allows.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server (a replica's own name, or the name of the server it is a
    /// replica of, which covers all its instances).</param>
    /// <param name="level">The level; <see cref="LogLevel.None"/> keeps nothing.</param>
    /// <param name="cancellationToken">Cancels the requests; the level is applied to arriving messages regardless.</param>
    public async Task SetServerLogLevelAsync(string serverName, LogLevel level, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        _clientHandlers.LogLevels.Set(serverName, level);
        var connected = _registry.All
            .Where(entry => entry.Name == serverName || entry.Definition.Service == serverName)
            .Select(entry => (entry, client: entry.Connection.CurrentClient))
            .Where(session => session.client is not null);
        await Task.WhenAll(connected.Select(session => _clientHandlers.SetLevelAsync(session.entry.Definition, session.client!, level, cancellationToken))).ConfigureAwait(false);
    }

    private Task NotifyRootsChangedAsync(IEnumerable<ServerEntry> entries, CancellationToken cancellationToken) =>
        Task.WhenAll(entries
            .Select(entry => (entry, client: entry.Connection.CurrentClient))
            .Where(session => session.client is not null)
            .Select(session => _clientHandlers.RootsChangedAsync(session.entry.Definition, session.client!, cancellationToken)));

    private static Root[] CheckRoots(IReadOnlyList<Root> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        foreach (var root in roots)
        {
            if (root?.Uri is null || !root.Uri.StartsWith("file://", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Every root needs a file:// URI; '{root?.Uri}' is not one.", nameof(roots));
            }
        }

        return [.. roots];
    }
}
