using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Checks one entry of a snapshot's <c>tools</c> against the snapshot format. An entry of the wrong shape is reported
/// where it is wrong and skipped, so that the server's other tools are still generated.
/// </summary>
internal static class ToolDefinitionReader
{
    private static readonly string[] s_hintNames = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"];

    public static ToolDefinition? Read(JsonNode node, string path, SnapshotDiagnostics diagnostics)
    {
        var unnamed = $"the tool at {path}";
        if (node is not JsonObject tool)
        {
            diagnostics.WrongShape(diagnostics.At(node), path, "a JSON object", unnamed);
            return null;
        }

        if (tool.GetValueOrNull("name") is not JsonString { Value.Length: > 0 } nameNode)
        {
            var location = diagnostics.At(tool.GetValueOrNull("name") ?? tool);
            diagnostics.WrongShape(location, JsonPaths.Member(path, "name"), "a non-empty string", unnamed);
            return null;
        }

        var skipped = $"tool '{nameNode.Value}'";
        if (!TryReadString(tool, "title", path, skipped, diagnostics, out var title)
            || !TryReadString(tool, "description", path, skipped, diagnostics, out var description)
            || !TryReadAnnotations(tool, path, skipped, diagnostics, out var hints, out var annotationsTitle))
        {
            return null;
        }

        var inputPath = JsonPaths.Member(path, "inputSchema");
        if (tool.GetValueOrNull("inputSchema") is not JsonObject inputSchema)
        {
            diagnostics.WrongShape(diagnostics.At(tool.GetValueOrNull("inputSchema") ?? tool), inputPath, "a JSON object (the tool's input schema)", skipped);
            return null;
        }

        if (!IsObjectSchema(inputSchema, inputPath, skipped, diagnostics))
        {
            return null;
        }

        var outputNode = tool.GetValueOrNull("outputSchema");
        if (outputNode is not (null or JsonObject))
        {
            diagnostics.WrongShape(diagnostics.At(outputNode), JsonPaths.Member(path, "outputSchema"), "a JSON object (the tool's output schema)", skipped);
            return null;
        }

        return new ToolDefinition(nameNode.Value, nameNode, title ?? annotationsTitle, description, hints, inputSchema, outputNode as JsonObject);
    }

    /// <summary>
    /// Checks what the typed method cannot do without: the input schema describes an object, its <c>properties</c>
    /// is an object and its <c>required</c> lists names. Anything deeper falls back to JSON instead.
    /// </summary>
    private static bool IsObjectSchema(JsonObject schema, string path, string skipped, SnapshotDiagnostics diagnostics)
    {
        var type = schema.GetValueOrNull("type");
        if (type is not (null or JsonString { Value: "object" }))
        {
            diagnostics.WrongShape(diagnostics.At(type), JsonPaths.Member(path, "type"), "\"object\" (MCP tool arguments are an object)", skipped);
            return false;
        }

        var properties = schema.GetValueOrNull("properties");
        if (properties is not (null or JsonObject))
        {
            diagnostics.WrongShape(diagnostics.At(properties), JsonPaths.Member(path, "properties"), "a JSON object", skipped);
            return false;
        }

        var required = schema.GetValueOrNull("required");
        if (required is not (null or JsonArray) || (required is JsonArray names && names.Items.Any(name => name is not JsonString)))
        {
            diagnostics.WrongShape(diagnostics.At(required!), JsonPaths.Member(path, "required"), "an array of property names", skipped);
            return false;
        }

        return true;
    }

    private static bool TryReadAnnotations(
        JsonObject tool, string path, string skipped, SnapshotDiagnostics diagnostics, out ToolHintsSpec hints, out string? title)
    {
        hints = ToolHintsSpec.None;
        title = null;
        var node = tool.GetValueOrNull("annotations");
        if (node is null)
        {
            return true;
        }

        var annotationsPath = JsonPaths.Member(path, "annotations");
        if (node is not JsonObject annotations)
        {
            diagnostics.WrongShape(diagnostics.At(node), annotationsPath, "a JSON object", skipped);
            return false;
        }

        if (!TryReadString(annotations, "title", annotationsPath, skipped, diagnostics, out title))
        {
            return false;
        }

        var values = new bool?[s_hintNames.Length];
        for (var i = 0; i < s_hintNames.Length; i++)
        {
            var value = annotations.GetValueOrNull(s_hintNames[i]);
            if (value is not (null or JsonBoolean))
            {
                diagnostics.WrongShape(diagnostics.At(value), JsonPaths.Member(annotationsPath, s_hintNames[i]), "true or false", skipped);
                return false;
            }

            values[i] = (value as JsonBoolean)?.Value;
        }

        hints = new ToolHintsSpec(values[0], values[1], values[2], values[3]);
        return true;
    }

    private static bool TryReadString(JsonObject obj, string name, string path, string skipped, SnapshotDiagnostics diagnostics, out string? value)
    {
        var node = obj.GetValueOrNull(name);
        value = (node as JsonString)?.Value;
        if (node is null or JsonString)
        {
            return true;
        }

        diagnostics.WrongShape(diagnostics.At(node), JsonPaths.Member(path, name), "a string", skipped);
        return false;
    }
}
