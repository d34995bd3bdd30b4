using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpFleet.Transports;

/// <summary>Creates the ModelContextProtocol client transport for a <see cref="ServerDefinition"/>.</summary>
internal static class ClientTransportFactory
{
    /// <summary>Creates the transport. HTTP transports use <paramref name="httpClient"/>, the server's own from
    /// <see cref="ServerHttpClient"/> (which bounds their messages), and leave it open.</summary>
    public static IClientTransport Create(ServerDefinition server, HttpClient httpClient, long maxMessageSize, ILoggerFactory? loggerFactory) =>
        server.Transport switch
        {
            TransportKind.Stdio => new StdioProcessTransport(server, maxMessageSize, loggerFactory),
            TransportKind.Http or TransportKind.StreamableHttp or TransportKind.Sse => new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Name = server.Name,
                    Endpoint = server.Endpoint!,
                    TransportMode = server.Transport switch
                    {
                        TransportKind.StreamableHttp => HttpTransportMode.StreamableHttp,
                        TransportKind.Sse => HttpTransportMode.Sse,
                        _ => HttpTransportMode.AutoDetect,
                    },
                    // Headers go on this transport's requests only, so a credential reaches only its own server.
                    AdditionalHeaders = server.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase),
                    OAuth = server.OAuth,
                },
                httpClient,
                loggerFactory,
                ownsHttpClient: false),
            TransportKind.WebSocket => new WebSocketClientTransport(
                new WebSocketClientTransportOptions
                {
                    Name = server.Name,
                    Endpoint = server.Endpoint!,
                    AdditionalHeaders = server.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase),
                    TokenProvider = server.TokenProvider,
                    // The connector bounds the whole handshake; this bounds the upgrade within it.
                    ConnectTimeout = Timeout.InfiniteTimeSpan,
                    MaxMessageSize = (int)maxMessageSize,
                },
                loggerFactory),
            TransportKind.Custom => server.TransportFactory?.Invoke() ?? throw new InvalidOperationException($"Server '{server.Name}' has a custom transport but no transport factory."),
            _ => throw new ArgumentOutOfRangeException(nameof(server), server.Transport, "Unknown transport."),
        };
}
