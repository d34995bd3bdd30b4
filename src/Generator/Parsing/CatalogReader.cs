using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Reads a snapshot's prompts, resources and resource templates for the comparison across servers. No code is
/// generated from them, so an entry of an unexpected shape is left out silently rather than reported.
/// </summary>
internal static class CatalogReader
{
    /// <summary>Fields that only document an entry: a server may reword them without changing what it offers.</summary>
    private static readonly HashSet<string> s_documentation = new(StringComparer.Ordinal) { "description", "title", "icons" };

    public static EquatableArray<CatalogItemSpec> Read(JsonObject root, SnapshotDiagnostics diagnostics)
    {
        var items = new List<CatalogItemSpec>();
        Add(items, root, "prompts", "name", CatalogItemKind.Prompt, diagnostics);
        Add(items, root, "resources", "uri", CatalogItemKind.Resource, diagnostics);
        Add(items, root, "resourceTemplates", "uriTemplate", CatalogItemKind.ResourceTemplate, diagnostics);
        return items.ToEquatableArray();
    }

    private static void Add(List<CatalogItemSpec> items, JsonObject root, string member, string keyName, CatalogItemKind kind, SnapshotDiagnostics diagnostics)
    {
        if (root.GetValueOrNull(member) is not JsonArray entries)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<CatalogItemSpec>();
        foreach (var entry in entries.Items)
        {
            if (entry is JsonObject obj && obj.GetValueOrNull(keyName) is JsonString { Value.Length: > 0 } key && keys.Add(key.Value))
            {
                found.Add(new CatalogItemSpec(kind, key.Value, Definition(obj, kind), diagnostics.At(key)));
            }
        }

        items.AddRange(found.OrderBy(item => item.Key, StringComparer.Ordinal));
    }

    /// <summary>
    /// The entry without its documentation. A prompt's arguments are a set: each reduced to its name and whether it is
    /// required, in ordinal order (the first of two with one name counts).
    /// </summary>
    private static string Definition(JsonObject entry, CatalogItemKind kind)
    {
        var properties = entry.Properties.Where(p => !s_documentation.Contains(p.Name)).ToList();
        if (kind == CatalogItemKind.Prompt)
        {
            properties = properties.Select(p => p.Name == "arguments" && p.Value is JsonArray arguments
                ? new JsonProperty(p.Name, default, default, PromptArguments(arguments))
                : p).ToList();
        }

        return CompactJson.Write(SchemaCanonicalizer.Value(new JsonObject(properties, default, default)));
    }

    private static JsonArray PromptArguments(JsonArray arguments)
    {
        var reduced = arguments.Items
            .OfType<JsonObject>()
            .Where(argument => argument.GetValueOrNull("name") is JsonString)
            .GroupBy(argument => ((JsonString)argument.GetValueOrNull("name")!).Value, StringComparer.Ordinal)
            .Select(group => group.First())
            .Select(argument => new JsonObject(
                [
                    new JsonProperty("name", default, default, argument.GetValueOrNull("name")!),
                    new JsonProperty("required", default, default, argument.GetValueOrNull("required") as JsonBoolean ?? new JsonBoolean(false, default, default)),
                ],
                default,
                default))
            .OrderBy(argument => ((JsonString)argument.GetValueOrNull("name")!).Value, StringComparer.Ordinal)
            .ToList<JsonNode>();
        return new JsonArray(reduced, default, default);
    }
}
