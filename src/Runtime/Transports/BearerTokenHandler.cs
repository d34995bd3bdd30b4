using System.Net.Http.Headers;

namespace McpFleet.Transports;

/// <summary>Puts a fresh token from the server's token provider on every request to that server.</summary>
internal sealed class BearerTokenHandler(Func<CancellationToken, ValueTask<string>> tokenProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokenProvider(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
