using System.Buffers;
using System.Text.Json;

namespace McpFleet.Tools;

/// <summary>Turns typed arguments into the name-to-JSON map a <c>tools/call</c> request carries.</summary>
internal static class ToolArguments
{
    public static Dictionary<string, JsonElement> ToDictionary(IToolArguments arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            arguments.WriteTo(writer);
        }

        // One standalone element for the whole object: its properties share it, so none needs a copy of its own.
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var root = JsonElement.ParseValue(ref reader);
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            map[property.Name] = property.Value;
        }

        return map;
    }

    /// <summary>The arguments a server accepts: all of them, or only the <paramref name="accepted"/> names.</summary>
    public static Dictionary<string, JsonElement> Select(Dictionary<string, JsonElement> arguments, IReadOnlyList<string>? accepted) =>
        accepted is null
            ? arguments
            : arguments.Where(argument => accepted.Contains(argument.Key, StringComparer.Ordinal)).ToDictionary(StringComparer.Ordinal);
}
