using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Decides whether a tool's output schema can become a typed result record: structured content is a JSON object, so
/// only an object schema with fixed properties can. Anything else is read as <c>JsonToolResult</c>.
/// </summary>
internal static class OutputSchemaShape
{
    /// <summary>
    /// Why the schema cannot be typed, with the node to point at; <see langword="null"/> when it can. Its properties may
    /// come from <c>allOf</c>, <c>$ref</c> and union branches too, so whether it has any is known once they are merged.
    /// </summary>
    public static (string Reason, JsonNode At)? WhyNotTyped(JsonObject schema)
    {
        var type = schema.GetValueOrNull("type");
        if (type is not (null or JsonString { Value: "object" }))
        {
            return ("does not describe a single object type", type);
        }

        var properties = schema.GetValueOrNull("properties");
        if (properties is not (null or JsonObject))
        {
            return ("has a 'properties' that is not an object", properties);
        }

        var required = schema.GetValueOrNull("required");
        if (required is not (null or JsonArray) || (required is JsonArray names && !names.Items.All(name => name is JsonString)))
        {
            return ("has a 'required' that is not an array of property names", required!);
        }

        return null;
    }
}
