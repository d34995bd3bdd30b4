using McpFleet.Configuration;

namespace McpFleet.Transports;

/// <summary>
/// The HTTP client of one server. Each server has its own, so its token provider sees only its requests, and no
/// timeout of HttpClient's own (100 s by default) cuts a long call: the fleet's timeouts apply instead.
/// </summary>
internal static class ServerHttpClient
{
    public static HttpClient Create(ServerDefinition server)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            // Re-resolve DNS now and then, so a server that moved is found again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (server.TokenProvider is { } tokenProvider)
        {
            handler = new BearerTokenHandler(tokenProvider) { InnerHandler = handler };
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
