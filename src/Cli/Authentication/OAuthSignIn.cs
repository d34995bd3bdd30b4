using McpFleet.Configuration;
using ModelContextProtocol.Authentication;

namespace McpFleet.Cli.Authentication;

/// <summary>
/// Signs in to remote servers that answer with an OAuth challenge, with the MCP SDK's authorization-code flow (PKCE,
/// dynamic client registration): the user opens the authorization URL in a browser, which brings the response back to a
/// loopback redirect. Tokens are kept in <see cref="CliConsole.TokenCacheDirectory"/>, outside the project, so the next
/// run needs no sign-in; they never reach a snapshot or the output.
/// </summary>
internal sealed class OAuthSignIn(CliConsole console) : IDisposable
{
    private readonly List<LoopbackRedirect> _redirects = [];

    /// <summary>
    /// <paramref name="server"/> ready to sign in when it asks to: remote servers that carry no credential of their own
    /// (no <c>Authorization</c> header, token provider or OAuth settings). The flow starts only on an HTTP 401, so servers
    /// that need no sign-in are unaffected.
    /// </summary>
    public ServerDefinition Prepare(ServerDefinition server)
    {
        if (server.Transport is not (TransportKind.Http or TransportKind.StreamableHttp or TransportKind.Sse)
            || server.Endpoint is null || server.OAuth is not null || server.TokenProvider is not null || server.Headers.ContainsKey("Authorization"))
        {
            return server;
        }

        var redirect = new LoopbackRedirect();
        lock (_redirects)
        {
            _redirects.Add(redirect);
        }

        return server with
        {
            OAuth = new ClientOAuthOptions
            {
                RedirectUri = redirect.Uri,
                DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "mcpfleet" },
                TokenCache = FileTokenCache.For(console.TokenCacheDirectory, server.Endpoint),
                AuthorizationCallbackHandler = (context, cancellationToken) => AuthorizeAsync(server.Name, redirect, context, cancellationToken),
            },
        };
    }

    public void Dispose()
    {
        lock (_redirects)
        {
            _redirects.ForEach(redirect => redirect.Dispose());
            _redirects.Clear();
        }
    }

    private async Task<AuthorizationResult?> AuthorizeAsync(string serverName, LoopbackRedirect redirect, AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        // The URL carries no secret (PKCE keeps the verifier here); stderr keeps stdout for results.
        await console.Error.WriteLineAsync($"Server '{serverName}' asks you to sign in. Open this URL in a browser (within the connect timeout, --timeout):");
        await console.Error.WriteLineAsync($"  {context.AuthorizationUri}");
        // Listening before the browser opens: the redirect may come back before the opener returns.
        var receiving = redirect.ReceiveAsync(serverName, cancellationToken);
        if (console.OpenBrowser is { } open)
        {
            await open(context.AuthorizationUri, cancellationToken);
        }

        var response = await receiving;
        if (!response.TryGetValue("code", out var code))
        {
            throw new InvalidOperationException(
                $"Sign-in to server '{serverName}' failed: {response.GetValueOrDefault("error_description") ?? response.GetValueOrDefault("error") ?? "the authorization response has no code"}.");
        }

        await console.Error.WriteLineAsync($"Signed in to server '{serverName}'.");
        return new AuthorizationResult { Code = code, State = response.GetValueOrDefault("state"), Iss = response.GetValueOrDefault("iss") };
    }
}
