using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Decides whether a tool's output schema can become a typed result record: structured content is a JSON object, so
/// only an object schema with fixed properties can. Anything else is read as <c>JsonToolResult</c>.
/// </summary>
internal static class OutputSchemaShape
{
    private static readonly string[] s_unsupported = ["$ref", "anyOf", "oneOf", "allOf", "not"];

    /// <summary>Why the schema cannot be typed, with the node to point at; <see langword="null"/> when it can.</summary>
    public static (string Reason, JsonNode At)? WhyNotTyped(JsonObject schema)
    {
        foreach (var keyword in s_unsupported)
        {
            if (schema.GetProperty(keyword) is { } property)
            {
                return ($"uses '{keyword}' at its root, which a result record cannot express", property.Value);
            }
        }

        var type = schema.GetValueOrNull("type");
        if (type is not (null or JsonString { Value: "object" }))
        {
            return ("does not describe a single object type", type);
        }

        var properties = schema.GetValueOrNull("properties");
        if (properties is not JsonObject { Properties.Count: > 0 })
        {
            return ("is not an object with declared properties", properties ?? schema);
        }

        var required = schema.GetValueOrNull("required");
        if (required is not (null or JsonArray) || (required is JsonArray names && !names.Items.All(name => name is JsonString)))
        {
            return ("has a 'required' that is not an array of property names", required!);
        }

        return null;
    }
}
