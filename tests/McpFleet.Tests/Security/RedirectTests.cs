using System.Collections.Immutable;
using System.Net;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Tests.Runtime;

namespace McpFleet.Tests.Security;

/// <summary>A server's headers go to its own origin only: a redirect elsewhere is refused, one within it followed.</summary>
public sealed class RedirectTests
{
    private const string Key = "key-redirect-4be1a9c7";

    [Theory]
    [InlineData(TransportKind.StreamableHttp, "/mcp")]
    [InlineData(TransportKind.Http, "/mcp")]
    [InlineData(TransportKind.Sse, "/sse")]
    [InlineData(TransportKind.WebSocket, "/ws")]
    public async Task A_redirect_to_another_origin_never_carries_the_servers_headers(TransportKind transport, string path)
    {
        var scheme = transport == TransportKind.WebSocket ? "ws" : "http";
        using LoopbackHttpServer elsewhere = new(context => context.Response.StatusCode = 404);
        using LoopbackHttpServer redirecting = new(context => Redirect(context, elsewhere.Url(path, scheme)));
        await using var runtime = new FleetRuntime(TestServers.FastOptions(Server(redirecting.Url(path, scheme), transport)));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => runtime.ConnectAsync());

        Assert.NotEmpty(redirecting.Requests);
        Assert.Empty(elsewhere.Requests);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        // HttpClient and ClientWebSocket would have followed; McpFleet says why it did not.
        var refused = Assert.IsType<ServerConnectionException>(error);
        var expected = transport == TransportKind.WebSocket
            ? "WebSocket connections are not redirected, so that no header or credential configured for the server is sent elsewhere."
            : $"redirected (HTTP 307) to another origin, http://127.0.0.1:{elsewhere.Port}; redirects are followed only within http://127.0.0.1:{redirecting.Port},";
        Assert.True(refused.Message.Contains(expected, StringComparison.Ordinal), refused.Message);
    }

    [Fact]
    public async Task A_redirect_within_the_servers_origin_is_followed_with_its_headers()
    {
        using LoopbackHttpServer moved = new(context =>
        {
            if (context.Request.Url!.AbsolutePath == "/old")
            {
                Redirect(context, new Uri(context.Request.Url, "/new"));
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await using var runtime = new FleetRuntime(TestServers.FastOptions(Server(moved.Url("/old"), TransportKind.StreamableHttp)));

        await Assert.ThrowsAsync<ServerConnectionException>(() => runtime.ConnectAsync());

        var followed = Assert.Single(moved.Requests, request => request.Path == "/new");
        Assert.Equal(Key, followed.Headers["x-api-key"]);
    }

    private static ServerDefinition Server(Uri endpoint, TransportKind transport) =>
        ServerDefinition.Remote("redirected", endpoint, transport) with
        {
            Headers = ImmutableDictionary<string, string>.Empty.Add("X-Api-Key", Key),
            Secrets = [Key],
            ProtocolVersion = "2025-11-25",
        };

    private static void Redirect(HttpListenerContext context, Uri target)
    {
        context.Response.StatusCode = (int)HttpStatusCode.TemporaryRedirect;
        context.Response.RedirectLocation = target.ToString();
    }
}
