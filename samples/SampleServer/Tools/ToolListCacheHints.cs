using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// Puts the caching hints of <c>--tools-list-ttl-ms</c> and <c>--tools-list-cache-scope</c> (<c>ttlMs</c>, <c>cacheScope</c>,
/// SEP-2549) on every <c>tools/list</c> result, so clients' caches can be tested against a real server.
/// </summary>
internal sealed class ToolListCacheHints(TimeSpan? timeToLive, CacheScope? scope)
{
    /// <summary>The filter, for <see cref="McpRequestFilters.ListToolsFilters"/>.</summary>
    public McpRequestHandler<ListToolsRequestParams, ListToolsResult> Apply(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken);
            result.TimeToLive = timeToLive ?? result.TimeToLive;
            result.CacheScope = scope ?? result.CacheScope;
            return result;
        };
}
