using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Hosting;

/// <summary>The HTTP details the MCP endpoints share: message bodies, error replies, event streams and session ids.</summary>
internal static class McpHttp
{
    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageTypeInfo = McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>();

    /// <summary>Reads the request body as one JSON-RPC message; <see langword="null"/> if it is not one.</summary>
    public static async Task<JsonRpcMessage?> TryReadMessageAsync(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFromJsonAsync(s_messageTypeInfo, context.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the content type is not JSON.
            return null;
        }
    }

    /// <summary>Replies with <paramref name="statusCode"/> and a JSON-RPC error body, as the SDK's own handlers do.</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message, int errorCode = -32000)
    {
        context.Response.StatusCode = statusCode;
        JsonRpcError error = new() { Error = new JsonRpcErrorDetail { Code = errorCode, Message = message } };
        return context.Response.WriteAsJsonAsync<JsonRpcMessage>(error, s_messageTypeInfo, cancellationToken: context.RequestAborted);
    }

    /// <summary>Makes the response a server-sent event stream whose events reach the client as they are written.</summary>
    public static void StartEventStream(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    /// <summary>A new unguessable session id.</summary>
    public static string NewSessionId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
}
