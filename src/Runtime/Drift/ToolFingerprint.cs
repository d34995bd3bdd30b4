using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using McpFleet.Json;

namespace McpFleet.Drift;

/// <summary>
/// A stable hash of what a tool's callers and the model see: SHA-256 over the canonical JSON (<see cref="CanonicalJson"/>)
/// of its name, title, description, input and output schemas and annotations. Other fields (<c>_meta</c>, icons) do
/// not count, and a field that is <see langword="null"/> counts as absent.
/// </summary>
internal static class ToolFingerprint
{
    /// <summary>The fields the fingerprint covers, in ordinal order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["annotations", "description", "inputSchema", "name", "outputSchema", "title"];

    /// <summary>The fingerprint as 64 lower-case hexadecimal digits.</summary>
    public static string Compute(JsonElement tool)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (tool.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in Fields)
                {
                    if (tool.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WritePropertyName(field);
                        CanonicalJson.Write(writer, value);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
