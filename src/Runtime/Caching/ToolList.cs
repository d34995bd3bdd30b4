using ModelContextProtocol.Protocol;

namespace McpFleet.Caching;

/// <summary>Every page of a server's <c>tools/list</c>, with the caching hints the pages agree on.</summary>
/// <param name="Tools">The tools of every page, in the server's order.</param>
/// <param name="TimeToLive">The shortest <c>ttlMs</c> of the pages; zero when a page gave none (the protocol's default: stale at once).</param>
/// <param name="Scope">Private when any page said so, else public (the protocol's default).</param>
internal sealed record ToolList(IReadOnlyList<Tool> Tools, TimeSpan TimeToLive, CacheScope Scope)
{
    /// <summary>Combines the pages of one listing.</summary>
    public static ToolList FromPages(IEnumerable<ListToolsResult> pages)
    {
        var tools = new List<Tool>();
        TimeSpan? timeToLive = null;
        var scope = CacheScope.Public;
        foreach (var page in pages)
        {
            tools.AddRange(page.Tools);
            // Absent or negative means stale at once.
            var pageTimeToLive = page.TimeToLive is { } value && value > TimeSpan.Zero ? value : TimeSpan.Zero;
            timeToLive = timeToLive is { } shortest && shortest < pageTimeToLive ? shortest : pageTimeToLive;
            if (page.CacheScope == CacheScope.Private)
            {
                scope = CacheScope.Private;
            }
        }

        return new ToolList(tools, timeToLive ?? TimeSpan.Zero, scope);
    }
}
