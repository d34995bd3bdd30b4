using McpFleet.SampleServer.Launching;
using ModelContextProtocol.Client;

namespace McpFleet.SampleServer.Tests;

/// <summary>How a test reaches a sample server that runs on an HTTP transport.</summary>
internal static class HttpTransports
{
    public static SampleTransport ToSampleTransport(this ServerTransportKind kind) => kind switch
    {
        ServerTransportKind.Http => SampleTransport.Http,
        ServerTransportKind.Sse => SampleTransport.Sse,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an HTTP transport."),
    };

    /// <summary>A client transport to <paramref name="process"/>, sending <paramref name="headers"/> with every request.</summary>
    public static HttpClientTransport Create(
        ServerTransportKind kind, string name, SampleServerProcess process, IDictionary<string, string>? headers = null)
    {
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
