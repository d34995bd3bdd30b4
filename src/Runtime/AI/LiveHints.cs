using McpFleet.Connections;
using ModelContextProtocol;

namespace McpFleet.AI;

/// <summary>The hints the servers declare now, from their live tool listings, combined with the snapshots' the strict way.</summary>
internal sealed class LiveHints
{
    private readonly Dictionary<(string Service, string Tool), List<ToolHints>> _live;

    private LiveHints(Dictionary<(string Service, string Tool), List<ToolHints>> live) => _live = live;

    public static LiveHints None { get; } = new([]);

    /// <summary>Lists the tools of every instance of <paramref name="services"/> in parallel; an instance that cannot be
    /// listed adds nothing, so its tools are judged by their snapshots.</summary>
    public static async Task<LiveHints> ReadAsync(FleetRuntime runtime, IReadOnlySet<string> services, CancellationToken cancellationToken)
    {
        var instances = runtime.GetServerStatuses().Where(status => services.Contains(status.Service)).ToList();
        var listings = await Task.WhenAll(instances.Select(async instance =>
        {
            try
            {
                return (instance.Service, Tools: await runtime.ListToolsAsync(instance.Name, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is ServerConnectionException or McpException or TimeoutException or InvalidOperationException)
            {
                return (instance.Service, Tools: []);
            }
        })).ConfigureAwait(false);

        var live = new Dictionary<(string, string), List<ToolHints>>();
        foreach (var (service, tools) in listings)
        {
            foreach (var tool in tools)
            {
                var key = (service, tool.Name);
                if (!live.TryGetValue(key, out var hints))
                {
                    live[key] = hints = [];
                }

                hints.Add(ToolHints.From(tool.Annotations));
            }
        }

        return new LiveHints(live);
    }

    /// <summary>The stricter of the snapshot's and the live hints of every member: read-only and idempotent when all say
    /// so, destructive and open-world when any does.</summary>
    public ToolHints For(IEnumerable<ToolDescriptor> members)
    {
        var all = members.SelectMany(member => _live.GetValueOrDefault((member.ServerName, member.ToolName)) ?? []).Concat(members.Select(member => member.Hints)).ToList();
        var readOnly = all.All(hints => hints.IsReadOnly);
        return new ToolHints(
            ReadOnly: readOnly,
            Destructive: !readOnly && all.Any(hints => hints.IsDestructive),
            Idempotent: all.All(hints => hints.IsIdempotent),
            OpenWorld: all.Any(hints => hints.IsOpenWorld));
    }
}
