using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

/// <summary><c>--tools-list-ttl-ms</c> and <c>--tools-list-cache-scope</c> put SEP-2549 caching hints on <c>tools/list</c>.</summary>
public class ToolListCacheHintTests
{
    [Theory]
    [InlineData(ServerTransportKind.Stdio, null)]
    [InlineData(ServerTransportKind.Http, null)]
    [InlineData(ServerTransportKind.Http, "2025-11-25")]
    public async Task The_hints_reach_the_client(ServerTransportKind transport, string? protocolVersion)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            transport, "alpha", ["--tools-list-ttl-ms", "45000", "--tools-list-cache-scope", "private"], protocolVersion);

        ListToolsResult page = await server.Client.ListToolsAsync(new ListToolsRequestParams(), server.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(45), page.TimeToLive);
        Assert.Equal(CacheScope.Private, page.CacheScope);
        Assert.NotEmpty(page.Tools);
    }

    [Fact]
    public async Task Without_the_options_the_list_is_stale_at_once()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "alpha");

        ListToolsResult page = await server.Client.ListToolsAsync(new ListToolsRequestParams(), server.CancellationToken);

        // The SDK's own default on 2026-07-28, where ttlMs is required.
        Assert.Equal(TimeSpan.Zero, page.TimeToLive);
    }
}
