using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// Middleware that answers 401 to every HTTP request without <c>Authorization: Bearer &lt;token&gt;</c> carrying the server's
/// token, before any MCP endpoint reads the request.
/// </summary>
internal sealed class BearerTokenAuthentication(BearerToken token)
{
    private const string Scheme = "Bearer";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsAuthorized(context.Request.Headers.Authorization))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = Scheme;
        context.Response.ContentType = "text/plain; charset=utf-8";
        // Says what is needed, never what was sent: a wrong value may be a near miss of the token, or another service's secret.
        return context.Response.WriteAsync("Unauthorized: a valid bearer token is required.\n", context.RequestAborted);
    }

    // RFC 6750: the scheme (case-insensitive), one or more spaces, then the token.
    private bool IsAuthorized(StringValues authorization) =>
        authorization is [{ } value]
        && value.Length > Scheme.Length
        && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && value[Scheme.Length] == ' '
        && token.Matches(value[(Scheme.Length + 1)..].TrimStart(' '));
}
