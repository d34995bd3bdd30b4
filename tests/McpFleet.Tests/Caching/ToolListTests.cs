using McpFleet.Caching;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Caching;

/// <summary>The pages of one listing combine into one list under the strictest of their caching hints.</summary>
public sealed class ToolListTests
{
    [Fact]
    public void The_pages_tools_are_kept_in_order_with_the_shortest_time_to_live_and_private_if_any_page_is()
    {
        var list = ToolList.FromPages(
        [
            Page(TimeSpan.FromMinutes(5), CacheScope.Public, "b", "a"),
            Page(TimeSpan.FromSeconds(30), CacheScope.Private, "c"),
            Page(TimeSpan.FromMinutes(1), scope: null, "d"),
        ]);

        Assert.Equal(["b", "a", "c", "d"], list.Tools.Select(tool => tool.Name));
        Assert.Equal(TimeSpan.FromSeconds(30), list.TimeToLive);
        Assert.Equal(CacheScope.Private, list.Scope);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1000)]
    [InlineData(0)]
    public void A_page_without_a_positive_time_to_live_makes_the_list_stale_at_once(int? milliseconds)
    {
        var list = ToolList.FromPages(
        [
            Page(TimeSpan.FromMinutes(5), CacheScope.Public, "a"),
            Page(milliseconds is int ms ? TimeSpan.FromMilliseconds(ms) : null, scope: null, "b"),
        ]);

        Assert.Equal(TimeSpan.Zero, list.TimeToLive);
        Assert.Equal(CacheScope.Public, list.Scope);
    }

    private static ListToolsResult Page(TimeSpan? timeToLive, CacheScope? scope, params string[] names) =>
        new()
        {
            Tools = [.. names.Select(name => new Tool { Name = name })],
            TimeToLive = timeToLive,
            CacheScope = scope,
        };
}
