using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using McpFleet.Connections;

namespace McpFleet.Discovery;

/// <summary>
/// The calls of etcd's v3 JSON gateway that discovery needs. Keys and values travel in base64, 64-bit numbers as
/// strings, and an authentication token in the <c>Authorization</c> header, without a scheme.
/// </summary>
internal sealed class EtcdGatewayClient(HttpClient httpClient, Uri endpoint, TimeSpan requestTimeout, TimeProvider timeProvider)
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    /// <summary>Exchanges a user's name and password for a token.</summary>
    public async Task<string> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var document = await CallAsync("v3/auth/authenticate", token: null, json =>
        {
            json.WriteString("name", username);
            json.WriteString("password", password);
        }, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("token").GetString()
            ?? throw new HttpRequestException("etcd answered the authentication without a token.");
    }

    /// <summary>The entries in <paramref name="range"/> now, and the revision they are from.</summary>
    public async Task<(long Revision, IReadOnlyList<EtcdEntry> Entries)> RangeAsync(
        EtcdKeyRange range, string? token, CancellationToken cancellationToken)
    {
        using var document = await CallAsync("v3/kv/range", token, json =>
        {
            json.WriteString("key", range.Key);
            json.WriteString("range_end", range.RangeEnd);
        }, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var revision = long.Parse(root.GetProperty("header").GetProperty("revision").GetString()!, CultureInfo.InvariantCulture);
        IReadOnlyList<EtcdEntry> entries = root.TryGetProperty("kvs", out var keyValues)
            ? [.. keyValues.EnumerateArray().Select(keyValue => EtcdEntry.Read(keyValue, deleted: false))]
            : [];
        return (revision, entries);
    }

    /// <summary>Watches <paramref name="range"/> from <paramref name="startRevision"/> on; returns once etcd has created the watch.</summary>
    public async Task<EtcdWatchStream> WatchAsync(EtcdKeyRange range, long startRevision, string? token, CancellationToken cancellationToken)
    {
        using var request = CreateRequest("v3/watch", token, json =>
        {
            json.WriteStartObject("create_request");
            json.WriteString("key", range.Key);
            json.WriteString("range_end", range.RangeEnd);
            json.WriteNumber("start_revision", startRevision);
            json.WriteEndObject();
        });

        // The time limit covers opening the watch; the stream itself stays open for as long as the caller reads.
        using var timeout = new RequestTimeout(requestTimeout, timeProvider, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            await EnsureSuccessAsync(response, timeout.Token).ConfigureAwait(false);
            return await EtcdWatchStream.OpenAsync(response, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.HasExpired)
        {
            response?.Dispose();
            throw new TimeoutException($"etcd did not open the watch within {requestTimeout}.", e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>The message of a gateway error body, e.g. <c>{"error": "…", "message": "etcdserver: …", "code": 16}</c>.</summary>
    public static string DescribeError(JsonElement error)
    {
        var details = error.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : error;
        return details.TryGetProperty("message", out var message) ? message.ToString() : details.ToString();
    }

    private async Task<JsonDocument> CallAsync(string path, string? token, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(path, token, writeBody);
        using var timeout = new RequestTimeout(requestTimeout, timeProvider, cancellationToken);
        try
        {
            using var response = await httpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
            await EnsureSuccessAsync(response, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (timeout.HasExpired)
        {
            throw new TimeoutException($"etcd did not answer {path} within {requestTimeout}.", e);
        }
    }

    private HttpRequestMessage CreateRequest(string path, string? token, Action<Utf8JsonWriter> writeBody)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            writeBody(json);
            json.WriteEndObject();
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path))
        {
            Content = new ByteArrayContent(body.WrittenSpan.ToArray()) { Headers = { ContentType = s_json } },
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // etcd's messages name the problem ("invalid auth token"), never a credential.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string message;
        try
        {
            using var error = JsonDocument.Parse(body);
            message = DescribeError(error.RootElement);
        }
        catch (JsonException)
        {
            message = response.ReasonPhrase ?? "no details";
        }

        throw new HttpRequestException($"etcd answered {(int)response.StatusCode}: {message}", null, response.StatusCode);
    }
}
