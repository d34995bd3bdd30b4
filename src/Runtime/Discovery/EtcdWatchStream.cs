using System.Text.Json;

namespace McpFleet.Discovery;

/// <summary>
/// An open watch of etcd's JSON gateway: the response body streams one JSON object per line, each
/// <c>{"result": {…}}</c> (a watch response) or <c>{"error": {…}}</c>.
/// </summary>
internal sealed class EtcdWatchStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EtcdWatchStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    /// <summary>Why <see cref="ReadChangesAsync"/> returned <see langword="null"/>.</summary>
    public string EndReason { get; private set; } = "";

    /// <summary>Takes over <paramref name="response"/> and waits until etcd confirms the watch.</summary>
    /// <exception cref="HttpRequestException">etcd refused the watch or closed the stream first.</exception>
    public static async Task<EtcdWatchStream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var watch = new EtcdWatchStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            using var first = await watch.ReadResultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new HttpRequestException("etcd closed the watch before creating it.");
            var result = first.RootElement.GetProperty("result");
            if (!IsTrue(result, "created") || IsTrue(result, "canceled"))
            {
                // E.g. "permission denied": etcd answers the create request with a cancellation.
                throw new HttpRequestException($"etcd refused the watch: {DescribeCancel(result)}");
            }

            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    /// <summary>The next changes under the prefix; <see langword="null"/> when the watch is over (see <see cref="EndReason"/>).</summary>
    /// <exception cref="HttpRequestException">The stream broke or carried an error.</exception>
    /// <exception cref="JsonException">The stream carried something that is not JSON.</exception>
    public async Task<IReadOnlyList<EtcdEntry>?> ReadChangesAsync(CancellationToken cancellationToken)
    {
        while (await ReadResultAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            using (document)
            {
                var result = document.RootElement.GetProperty("result");
                if (IsTrue(result, "canceled"))
                {
                    EndReason = DescribeCancel(result);
                    return null;
                }

                // Progress notifications carry no events.
                if (result.TryGetProperty("events", out var events) && events.GetArrayLength() > 0)
                {
                    // A PUT event leaves its type out: it is the enumeration's default.
                    return [.. events.EnumerateArray().Select(change => EtcdEntry.Read(
                        change.GetProperty("kv"), deleted: change.TryGetProperty("type", out var type) && type.GetString() == "DELETE"))];
                }
            }
        }

        EndReason = "etcd closed the stream";
        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }

    private async Task<JsonDocument?> ReadResultAsync(CancellationToken cancellationToken)
    {
        while (await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("result", out _))
            {
                return document;
            }

            using (document)
            {
                throw new HttpRequestException($"etcd ended the watch with an error: {EtcdGatewayClient.DescribeError(document.RootElement)}");
            }
        }

        return null;
    }

    private static string DescribeCancel(JsonElement result) =>
        result.TryGetProperty("compact_revision", out var compacted) && compacted.ToString() is not ("" or "0")
            ? $"history compacted up to revision {compacted}"
            : result.TryGetProperty("cancel_reason", out var reason) ? reason.ToString() : "canceled";

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
