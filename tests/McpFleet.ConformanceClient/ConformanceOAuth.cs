using System.Text.Json;
using System.Web;
using ModelContextProtocol.Authentication;

namespace McpFleet.ConformanceClient;

/// <summary>
/// OAuth for the authorization scenarios: the authorization-code flow of the MCP SDK, with a "browser" that follows the
/// authorization URL and reads the code from the redirect, pre-registered credentials when the scenario gives them
/// (<c>MCP_CONFORMANCE_CONTEXT</c>), and otherwise dynamic registration or a client metadata document.
/// </summary>
internal static class ConformanceOAuth
{
    public static ClientOAuthOptions Options(string? context)
    {
        var options = new ClientOAuthOptions
        {
            RedirectUri = new Uri("http://localhost:3000/callback"),
            ClientMetadataDocumentUri = new Uri("https://conformance-test.local/client-metadata.json"),
            AuthorizationCallbackHandler = AuthorizeAsync,
        };

        using var parsed = string.IsNullOrWhiteSpace(context) ? null : JsonDocument.Parse(context);
        if (parsed?.RootElement.TryGetProperty("client_id", out var clientId) == true)
        {
            options.ClientId = clientId.GetString();
            options.ClientSecret = parsed.RootElement.TryGetProperty("client_secret", out var secret) ? secret.GetString() : null;
        }
        else
        {
            options.DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "McpFleet conformance client" };
        }

        return options;
    }

    /// <summary>Opens the authorization URL as a browser would, without following the redirect, and takes the code from it.</summary>
    private static async Task<AuthorizationResult?> AuthorizeAsync(AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        using var redirect = await browser.GetAsync(context.AuthorizationUri, cancellationToken);
        if (redirect.Headers.Location is not { Query.Length: > 0 } location)
        {
            return null;
        }

        var query = HttpUtility.ParseQueryString(location.Query);
        return query["code"] is { } code ? new AuthorizationResult { Code = code, State = query["state"], Iss = query["iss"] } : null;
    }
}
