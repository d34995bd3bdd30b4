using System.Net.Http.Headers;

namespace McpFleet.Transports;

/// <summary>Puts a fresh token from the server's token provider on every request to that server's origin, and on no
/// other request (an OAuth or metadata request to another host).</summary>
internal sealed class BearerTokenHandler(Uri endpoint, Func<CancellationToken, ValueTask<string>> tokenProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } target && Uri.Compare(target, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokenProvider(cancellationToken).ConfigureAwait(false));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
