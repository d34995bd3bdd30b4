// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>
/// The roots (directories, repositories: <c>file://</c> URIs) the application shares with servers, fleet-wide or per
/// server. A server is told the fleet has roots when it has some: its own list (even empty), or a non-empty fleet-wide
/// one. <see cref="FleetRuntime.SetRootsAsync(IReadOnlyList{Root}, CancellationToken)"/> changes them while the fleet
/// runs and sends <c>notifications/roots/list_changed</c>.
/// </summary>
public sealed class RootsOptions
{
    /// <summary>The roots of every server without a list of its own.</summary>
    public IList<Root> Roots { get; } = [];

    /// <summary>Lists of single servers, by the fleet's name for the server (a replica's own name, or the name of the
    /// server it is a replica of); they replace the fleet-wide list for that server.</summary>
    public IDictionary<string, IList<Root>> Servers { get; } = new Dictionary<string, IList<Root>>(StringComparer.Ordinal);

    internal void Validate()
    {
        foreach (var root in Roots.Concat(Servers.Values.SelectMany(roots => roots ?? [])))
        {
            if (root?.Uri is null || !root.Uri.StartsWith("file://", StringComparison.Ordinal))
            {
                throw new ValidationException($"Every root needs a file:// URI; '{root?.Uri}' is not one.");
            }
        }
    }
}
