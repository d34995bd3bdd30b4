using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace McpFleet.Cli.Tests.Authentication;

/// <summary>
/// A small OAuth 2.1 authorization server and the MCP server it protects, on 127.0.0.1, as a remote MCP server with
/// sign-in looks to a client: <c>/mcp</c> answers 401 with a <c>resource_metadata</c> challenge (RFC 9728) until a
/// token it issued comes along; the authorization server publishes its metadata (RFC 8414, S256 PKCE), registers
/// clients dynamically (RFC 7591), approves every authorization request at once (the "user" always consents) and issues
/// a token only for the PKCE verifier of the challenge it was given.
/// </summary>
internal sealed class OAuthProtectedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private int _authorizations;

    private OAuthProtectedServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri McpEndpoint => new(BaseUri, "/mcp");

    /// <summary>The access tokens issued so far.</summary>
    public IReadOnlyCollection<string> IssuedTokens => [.. _tokens.Keys];

    /// <summary>How many authorization requests were approved: one per sign-in.</summary>
    public int Authorizations => Volatile.Read(ref _authorizations);

    public static async Task<OAuthProtectedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "protected", Version = "1.0.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools([McpServerTool.Create(() => "signed in", new McpServerToolCreateOptions { Name = "whoami", ReadOnly = true, Description = "Answers only to a signed-in client." })]);
        var server = new OAuthProtectedServer(builder.Build());
        server.Map();
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string Base => BaseUri.GetLeftPart(UriPartial.Authority);

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/mcp")
                && !(context.Request.Headers.Authorization.ToString() is var authorization && authorization.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.ContainsKey(authorization["Bearer ".Length..])))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{Base}/.well-known/oauth-protected-resource/mcp\"";
                return;
            }

            await next(context);
        });
        _app.MapGet("/.well-known/oauth-protected-resource/mcp", () => Json($$"""{ "resource": "{{Base}}/mcp", "authorization_servers": ["{{Base}}"] }"""));
        _app.MapGet("/.well-known/oauth-authorization-server", () => Json($$"""
            {
              "issuer": "{{Base}}",
              "authorization_endpoint": "{{Base}}/authorize",
              "token_endpoint": "{{Base}}/token",
              "registration_endpoint": "{{Base}}/register",
              "response_types_supported": ["code"],
              "grant_types_supported": ["authorization_code", "refresh_token"],
              "code_challenge_methods_supported": ["S256"],
              "token_endpoint_auth_methods_supported": ["none"]
            }
            """));
        _app.MapPost("/register", async (HttpRequest request) =>
        {
            using var registration = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            var redirectUris = registration.RootElement.GetProperty("redirect_uris").GetRawText();
            return Json(
                $$"""{ "client_id": "client-{{Guid.NewGuid():N}}", "redirect_uris": {{redirectUris}}, "token_endpoint_auth_method": "none", "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"] }""",
                StatusCodes.Status201Created);
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["redirect_uri"]))
            {
                return Results.BadRequest("PKCE with S256 and a redirect_uri are required.");
            }

            Interlocked.Increment(ref _authorizations);
            var code = RandomNumberGenerator.GetHexString(32, lowercase: true);
            _codes[code] = (query["code_challenge"]!, query["redirect_uri"]!);
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code"
                || !_codes.TryRemove(form["code"].ToString(), out var issued)
                || form["redirect_uri"] != issued.RedirectUri
                || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.Challenge)
            {
                return Json("""{ "error": "invalid_grant" }""", StatusCodes.Status400BadRequest);
            }

            var token = $"at-{RandomNumberGenerator.GetHexString(40, lowercase: true)}";
            _tokens[token] = true;
            return Json($$"""{ "access_token": "{{token}}", "token_type": "Bearer", "expires_in": 3600 }""");
        });
        _app.MapMcp("/mcp");
    }

    private static IResult Json(string json, int statusCode = StatusCodes.Status200OK) => Results.Text(json, "application/json", Encoding.UTF8, statusCode);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
