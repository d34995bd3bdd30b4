using McpFleet.SampleServer.Launching;
using McpFleet.Transports;
using ModelContextProtocol.Client;

namespace McpFleet.SampleServer.Tests;

/// <summary>How a test reaches a sample server that runs on a network transport: Streamable HTTP, SSE or WebSocket.</summary>
internal static class HttpTransports
{
    public static SampleTransport ToSampleTransport(this ServerTransportKind kind) => kind switch
    {
        ServerTransportKind.Http => SampleTransport.Http,
        ServerTransportKind.Sse => SampleTransport.Sse,
        ServerTransportKind.WebSocket => SampleTransport.WebSocket,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a network transport."),
    };

    /// <summary>
    /// A client transport to <paramref name="process"/>, sending <paramref name="headers"/> with every HTTP request (on WebSocket,
    /// with the upgrade request).
    /// </summary>
    public static IClientTransport Create(
        ServerTransportKind kind, string name, SampleServerProcess process, IDictionary<string, string>? headers = null)
    {
        if (kind == ServerTransportKind.WebSocket)
        {
            return new WebSocketClientTransport(new WebSocketClientTransportOptions
            {
                Name = name,
                Endpoint = process.Endpoint,
                AdditionalHeaders = headers ?? new Dictionary<string, string>(),
            });
        }

        HttpClientTransportOptions options = new()
        {
            Name = name,
            Endpoint = process.Endpoint,
            TransportMode = kind == ServerTransportKind.Http ? HttpTransportMode.StreamableHttp : HttpTransportMode.Sse,
            AdditionalHeaders = headers,
        };
        // Timeouts are the test's to apply; HttpClient's default 100 s would only cut long calls short.
        HttpClient httpClient = new() { Timeout = Timeout.InfiniteTimeSpan };
        return new HttpClientTransport(options, httpClient, ownsHttpClient: true);
    }
}
