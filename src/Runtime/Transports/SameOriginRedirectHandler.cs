namespace McpFleet.Transports;

/// <summary>
/// Follows a server's redirects within its own origin and refuses the others. HttpClient's own redirect handling sends
/// the request's headers on to wherever the redirect points, so a server, or anyone able to make it answer with a
/// redirect, could collect the credentials configured for it (<c>X-Api-Key</c>, <c>Authorization</c>, any header).
/// </summary>
internal sealed class SameOriginRedirectHandler : DelegatingHandler
{
    private const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (RedirectTarget(request, response) is not { } target)
            {
                return response;
            }

            response.Dispose();
            var from = request.RequestUri!;
            if (!SameOrigin(from, target))
            {
                throw new HttpRequestException(
                    $"the server redirected (HTTP {(int)response.StatusCode}) to another origin, {Origin(target)}; redirects are followed only within "
                    + $"{Origin(from)}, so that no header or credential configured for the server is sent elsewhere. If the server moved, configure its new URL.",
                    inner: null,
                    response.StatusCode);
            }

            if (redirects == MaxRedirects)
            {
                throw new HttpRequestException($"the server redirected more than {MaxRedirects} times.", inner: null, response.StatusCode);
            }

            // 301, 302 and 303 turn a POST into a GET, as browsers and HttpClient do; 307 and 308 repeat the request as it was.
            if (response.StatusCode is System.Net.HttpStatusCode.SeeOther
                || (request.Method == HttpMethod.Post && response.StatusCode is System.Net.HttpStatusCode.MovedPermanently or System.Net.HttpStatusCode.Found))
            {
                request.Method = HttpMethod.Get;
                request.Content = null;
            }

            request.RequestUri = target;
        }
    }

    private static Uri? RedirectTarget(HttpRequestMessage request, HttpResponseMessage response) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location)
            : null;

    private static bool SameOrigin(Uri first, Uri second) =>
        string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase)
        && first.Port == second.Port;

    /// <summary>Scheme, host and port only: a redirect's path and query may carry anything.</summary>
    private static string Origin(Uri uri) => $"{uri.Scheme}://{uri.Authority}";
}
