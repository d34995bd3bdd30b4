using System.Text.Json;
using McpFleet.Tools;

namespace McpFleet.ConformanceClient;

/// <summary>Arguments for a tool no test knows: a plain value for each required property, by its schema's type.</summary>
internal static class SampleArguments
{
    public static JsonToolArguments For(JsonElement inputSchema)
    {
        var arguments = new Dictionary<string, object>(StringComparer.Ordinal);
        if (inputSchema.TryGetProperty("required", out var required) && inputSchema.TryGetProperty("properties", out var properties))
        {
            foreach (var name in required.EnumerateArray().Select(item => item.GetString()!))
            {
                var type = properties.TryGetProperty(name, out var property) && property.TryGetProperty("type", out var declared) ? declared.GetString() : null;
                arguments[name] = type switch
                {
                    "number" or "integer" => 1,
                    "boolean" => true,
                    "array" => Array.Empty<object>(),
                    "object" => new Dictionary<string, object>(),
                    _ => "conformance",
                };
            }
        }

        return JsonToolArguments.Parse(JsonSerializer.Serialize(arguments));
    }
}
