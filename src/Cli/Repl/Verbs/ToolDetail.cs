using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;
using ModelContextProtocol.Protocol;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary>One tool as <c>tools &lt;server&gt; &lt;tool&gt;</c> shows it: what the model would see, and each parameter
/// with its JSON Schema type read as people write it (<c>string</c>, <c>number[]</c>, <c>"a" | "b"</c>).</summary>
internal static class ToolDetail
{
    public static VerbResult Describe(string server, Tool tool)
    {
        var schema = tool.InputSchema;
        var required = schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Where(name => name.ValueKind == JsonValueKind.String).Select(name => name.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var parameters = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(property => (Name: property.Name, Schema: property.Value)).ToList()
            : [];

        // Required parameters first, as the generated methods order them; otherwise as the server lists them.
        var rows = parameters
            .OrderBy(parameter => required.Contains(parameter.Name) ? 0 : 1)
            .Select(parameter => (IReadOnlyList<Cell>)
            [
                parameter.Name,
                TypeOf(parameter.Schema),
                required.Contains(parameter.Name) ? new Cell("yes", Tone.Good) : new Cell("no", Tone.Muted),
                new Cell(Describe(parameter.Schema), Tone.Muted),
            ])
            .ToList();

        var heading = tool.Title is { Length: > 0 } title ? $"{tool.Name} on {server}: {title}" : $"{tool.Name} on {server}";
        List<OutputBlock> blocks = [new TextBlock(heading)];
        if (Hints(tool.Annotations) is { Length: > 0 } hints)
        {
            blocks.Add(new TextBlock(hints, Tone.Muted));
        }

        if (tool.Description is { Length: > 0 } description)
        {
            blocks.Add(new TextBlock(description));
        }

        blocks.Add(rows.Count == 0
            ? new TextBlock("No parameters.", Tone.Muted)
            : new TableBlock(["parameter", "type", "required", "description"], rows));
        if (tool.OutputSchema is { } output)
        {
            blocks.Add(new TextBlock($"Returns: {TypeOf(output)}", Tone.Muted));
        }

        return new VerbResult(blocks, new JsonObject
        {
            ["server"] = server,
            ["name"] = tool.Name,
            ["title"] = tool.Title,
            ["description"] = tool.Description,
            ["readOnly"] = tool.Annotations?.ReadOnlyHint,
            ["parameters"] = new JsonArray([.. parameters.Select(parameter => new JsonObject
            {
                ["name"] = parameter.Name,
                ["type"] = TypeOf(parameter.Schema),
                ["required"] = required.Contains(parameter.Name),
                ["description"] = Description(parameter.Schema),
            })]),
            ["inputSchema"] = JsonNode.Parse(schema.GetRawText()),
        });
    }

    /// <summary>A schema's type as people write it: <c>string</c>, <c>integer[]</c>, <c>"celsius" | "fahrenheit"</c>,
    /// <c>string | null</c>, <c>object</c>.</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "any";
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return string.Join(" | ", values.EnumerateArray().Select(value => value.GetRawText()));
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return constant.GetRawText();
        }

        foreach (var union in (ReadOnlySpan<string>)["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(union, out var members) && members.ValueKind == JsonValueKind.Array)
            {
                return string.Join(" | ", members.EnumerateArray().Select(TypeOf).Distinct(StringComparer.Ordinal));
            }
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : "any";
        }

        return type.ValueKind == JsonValueKind.Array
            ? string.Join(" | ", type.EnumerateArray().Select(member => Named(member.GetString(), schema)))
            : Named(type.GetString(), schema);
    }

    private static string Named(string? type, JsonElement schema)
    {
        if (type != "array")
        {
            return type ?? "any";
        }

        var item = schema.TryGetProperty("items", out var items) ? TypeOf(items) : "any";
        return item.Contains(' ', StringComparison.Ordinal) ? $"({item})[]" : $"{item}[]";
    }

    /// <summary>The description, with the default and the bounds the schema states.</summary>
    private static string Describe(JsonElement schema)
    {
        var parts = new List<string>();
        if (Description(schema) is { } description)
        {
            parts.Add(ServerFailures.OneLine(description));
        }

        if (schema.ValueKind == JsonValueKind.Object)
        {
            foreach (var (keyword, label) in (ReadOnlySpan<(string, string)>)[("default", "default"), ("minimum", "min"), ("maximum", "max"), ("format", "format")])
            {
                if (schema.TryGetProperty(keyword, out var value))
                {
                    parts.Add($"{label}: {(value.ValueKind == JsonValueKind.String && keyword == "format" ? value.GetString() : value.GetRawText())}");
                }
            }
        }

        return string.Join("; ", parts);
    }

    private static string? Description(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String
            ? description.GetString()
            : null;

    private static string Hints(ToolAnnotations? annotations) =>
        annotations is null
            ? ""
            : string.Join(" · ", new[]
            {
                annotations.ReadOnlyHint == true ? "read-only" : null,
                annotations.DestructiveHint == true && annotations.ReadOnlyHint != true ? "destructive" : null,
                annotations.IdempotentHint == true ? "idempotent" : null,
                annotations.OpenWorldHint switch { true => "open-world", false => "closed-world", _ => null },
            }.OfType<string>());
}
