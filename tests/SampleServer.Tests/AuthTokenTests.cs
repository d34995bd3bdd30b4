using System.Net;
using McpFleet.SampleServer.Launching;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public sealed class AuthTokenTests : IDisposable
{
    private const string Variable = "MCPFLEET_SAMPLE_AUTH_TOKEN";
    private const string Token = "sample-token-4f9c2e7a1b";

    // Only against hangs: a test that needs anywhere near this long is broken.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _timeout.Dispose();

    [Theory]
    [InlineData(ServerTransportKind.Http)]
    [InlineData(ServerTransportKind.Sse)]
    [InlineData(ServerTransportKind.WebSocket)]
    public async Task A_client_with_the_token_connects_and_calls_tools(ServerTransportKind transport)
    {
        await using SampleServerProcess process = await StartAsync(transport);
        await using McpClient client = await McpClient.CreateAsync(
            HttpTransports.Create(transport, "lambda", process, new Dictionary<string, string> { ["Authorization"] = $"Bearer {Token}" }),
            cancellationToken: _timeout.Token);

        CallToolResult result = await client.CallToolAsync(
            "echo", new Dictionary<string, object?> { ["message"] = "let in" }, cancellationToken: _timeout.Token);

        Assert.Equal("let in", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.DoesNotContain(Token, process.StandardErrorTail, StringComparison.Ordinal);
    }

    // "…1c" differs from the token in its last character only, so the constant-time comparison, not a length check, refuses it.
    [Theory]
    [InlineData(ServerTransportKind.Http, null)]
    [InlineData(ServerTransportKind.Http, "Bearer sample-token-4f9c2e7a1c")]
    [InlineData(ServerTransportKind.Http, "Bearer " + Token + "-and-more")]
    [InlineData(ServerTransportKind.Http, "Basic " + Token)]
    [InlineData(ServerTransportKind.Sse, null)]
    [InlineData(ServerTransportKind.Sse, "Bearer sample-token-4f9c2e7a1c")]
    [InlineData(ServerTransportKind.WebSocket, null)]
    [InlineData(ServerTransportKind.WebSocket, "Bearer sample-token-4f9c2e7a1c")]
    public async Task A_client_without_the_right_token_is_refused_with_401(ServerTransportKind transport, string? authorization)
    {
        await using SampleServerProcess process = await StartAsync(transport);
        Dictionary<string, string>? headers = authorization is null ? null : new() { ["Authorization"] = authorization };

        HttpRequestException exception = await Assert.ThrowsAsync<HttpRequestException>(async () =>
            await McpClient.CreateAsync(HttpTransports.Create(transport, "lambda", process, headers), cancellationToken: _timeout.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.False(process.HasExited);
        Assert.DoesNotContain(Token, process.StandardErrorTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_needs_the_token_and_a_refusal_names_the_scheme_without_echoing_what_was_sent()
    {
        await using SampleServerProcess process = await StartAsync(ServerTransportKind.Http);
        using HttpClient http = new();
        const string nearMiss = "Bearer sample-token-4f9c2e7a1c";

        using HttpResponseMessage refused = await SendAsync(http, process.Endpoint, nearMiss);
        using HttpResponseMessage unmapped = await SendAsync(http, new Uri(process.Endpoint, "/elsewhere"), authorization: null);
        // The scheme is case-insensitive (RFC 9110); this request then reaches the endpoint, which wants a session id for its
        // event stream.
        using HttpResponseMessage admitted = await SendAsync(http, process.Endpoint, $"bearer {Token}");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", Assert.Single(refused.Headers.WwwAuthenticate).ToString());
        var body = await refused.Content.ReadAsStringAsync(_timeout.Token);
        Assert.Equal("Unauthorized: a valid bearer token is required.\n", body);
        Assert.Equal(HttpStatusCode.Unauthorized, unmapped.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, admitted.StatusCode);
    }

    private Task<SampleServerProcess> StartAsync(ServerTransportKind transport) =>
        SampleServerProcess.StartAsync(
            "lambda",
            transport.ToSampleTransport(),
            // Debug logging, so a token that reached any log line would show.
            ["--auth-token-env", Variable, "--verbose"],
            new Dictionary<string, string> { [Variable] = Token },
            cancellationToken: _timeout.Token);

    private async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri uri, string? authorization)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await http.SendAsync(request, _timeout.Token);
    }
}
