using System.Text;
using System.Text.Json;

namespace McpFleet.Discovery;

/// <summary>A key under the watched prefix and its value; no value when the key was deleted.</summary>
internal sealed record EtcdEntry(string Key, byte[]? Value)
{
    /// <summary>Reads a gateway <c>kv</c> object. The gateway leaves empty fields out, so a missing value is empty.</summary>
    public static EtcdEntry Read(JsonElement keyValue, bool deleted)
    {
        var key = Encoding.UTF8.GetString(keyValue.GetProperty("key").GetBytesFromBase64());
        return new EtcdEntry(key, deleted ? null : keyValue.TryGetProperty("value", out var value) ? value.GetBytesFromBase64() : []);
    }
}
