using System.Globalization;
using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>Resolves <c>$ref</c> JSON pointers within the root schema: <c>#/$defs/point</c>, <c>#/properties/a/items</c>, <c>#</c>.</summary>
internal static class SchemaReferences
{
    /// <summary>The referenced schema, its path, and its name when it is a definition (<c>$defs</c>/<c>definitions</c>).</summary>
    public static (JsonNode Node, string Path, string? Name)? Resolve(JsonObject root, string rootPath, string reference)
    {
        if (reference == "#")
        {
            return (root, rootPath, null);
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode node = root;
        var path = rootPath;
        string? parent = null;
        string? name = null;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var segment = Unescape(raw);
            switch (node)
            {
                case JsonObject obj when obj.GetValueOrNull(segment) is { } child:
                    node = child;
                    path = JsonPaths.Member(path, segment);
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Items.Count:
                    node = array.Items[index];
                    path = JsonPaths.Index(path, index);
                    break;
                default:
                    return null;
            }

            name = parent is "$defs" or "definitions" ? segment : null;
            parent = segment;
        }

        return (node, path, name);
    }

    /// <summary>A pointer segment: URI percent-encoding first (a reference is a URI fragment), then <c>~1</c> and <c>~0</c>.</summary>
    private static string Unescape(string segment) =>
        Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
}
