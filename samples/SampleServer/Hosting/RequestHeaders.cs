using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// The HTTP headers of the request a call runs in, for the <c>request_headers</c> tool: the POST that carried it on Streamable
/// HTTP, the GET that opened the event stream on SSE, the upgrade request on WebSocket. The SDK runs each handler in the
/// execution context of that request, where <see cref="IHttpContextAccessor"/> finds it.
/// </summary>
internal static class RequestHeaders
{
    private static readonly IReadOnlyDictionary<string, string> s_none = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The headers, names lower-cased and sorted ordinally, repeated values joined; none on stdio.</summary>
    public static IReadOnlyDictionary<string, string> Read(MessageContext context)
    {
        if (context.Services?.GetService<IHttpContextAccessor>()?.HttpContext?.Request is not { } request)
        {
            return s_none;
        }

        SortedDictionary<string, string> headers = new(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values.AsEnumerable());
        }

        return headers;
    }
}
