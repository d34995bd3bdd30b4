using McpFleet.Configuration;

namespace McpFleet.Transports;

/// <summary>
/// The HTTP client of one server. Each server has its own, so its token provider sees only its requests; redirects
/// are followed only within the server's origin, so its headers go nowhere else; responses are bounded by the server's
/// message limit; and no timeout of HttpClient's own (100 s by default) cuts a long call: the fleet's timeouts apply.
/// </summary>
internal static class ServerHttpClient
{
    public static HttpClient Create(ServerDefinition server, long maxMessageSize)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            // Re-resolve DNS now and then, so a server that moved is found again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AllowAutoRedirect = false,
        };
        handler = new MessageSizeLimitHandler(server.Name, maxMessageSize) { InnerHandler = handler };
        handler = new SameOriginRedirectHandler { InnerHandler = handler };
        if (server.TokenProvider is { } tokenProvider && server.Endpoint is { } endpoint)
        {
            handler = new BearerTokenHandler(endpoint, tokenProvider) { InnerHandler = handler };
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
