using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Hosting;

/// <summary>
/// The HTTP headers of the request that carried a message, for the <c>request_headers</c> tool. The HTTP endpoints attach them
/// to each message they read; the SDK hands the same message, and so its <see cref="JsonRpcMessageContext.Items"/>, to the tool.
/// </summary>
internal static class RequestHeaders
{
    private const string ItemKey = "McpFleet.SampleServer.RequestHeaders";

    private static readonly IReadOnlyDictionary<string, string> s_none = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A copy of <paramref name="request"/>'s headers: names lower-cased and sorted ordinally, repeated values joined.</summary>
    /// <remarks>A copy, because Kestrel reuses a request's header collection once the request has ended.</remarks>
    public static IReadOnlyDictionary<string, string> Capture(HttpRequest request)
    {
        SortedDictionary<string, string> headers = new(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values.AsEnumerable());
        }

        return headers;
    }

    /// <summary>Attaches <paramref name="headers"/> to <paramref name="message"/>.</summary>
    public static void Attach(JsonRpcMessage message, IReadOnlyDictionary<string, string> headers)
    {
        JsonRpcMessageContext context = message.Context ??= new JsonRpcMessageContext();
        (context.Items ??= new Dictionary<string, object?>())[ItemKey] = headers;
    }

    /// <summary>The headers attached to the message of <paramref name="context"/>; none on stdio.</summary>
    public static IReadOnlyDictionary<string, string> Read(MessageContext context) =>
        context.JsonRpcMessage.Context?.Items?.TryGetValue(ItemKey, out var headers) == true
            && headers is IReadOnlyDictionary<string, string> attached
            ? attached
            : s_none;
}
