using System.Globalization;
using System.Text.Json;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Parsing;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// Measures how much of a snapshot's schemas the generator types precisely. Every schema node is walked here,
/// independently of the generator (following <c>$ref</c> like a validator, each target once), and classified by
/// the generator's own MCPF0006 reports, which name the path of every node it generates as JSON:
/// <list type="bullet">
/// <item>untyped: <c>{}</c>, <c>true</c>, or only annotations and constraints; nothing to type, so not counted;</item>
/// <item>fallback: a reported path;</item>
/// <item>nested: reached only through a fallback (the generator never looked at it);</item>
/// <item>precise: everything else.</item>
/// </list>
/// </summary>
internal static class TypingFidelity
{
    private static readonly string[] s_shapeKeywords = ["type", "properties", "items", "prefixItems", "enum", "const", "anyOf", "oneOf", "allOf", "$ref", "additionalProperties", "patternProperties"];

    public static Tally Measure(SnapshotInput snapshot)
    {
        var settings = new FleetSettings("MyApp", "Fleet", EquatableArray<DiagnosticInfo>.Empty);
        var parsed = SnapshotParser.Parse(new SnapshotFile(snapshot.Path, snapshot.Text, null, null, null, null, null, null, null, null), settings, CancellationToken.None);
        var fallbacks = parsed.Diagnostics
            .Where(d => d.Descriptor.Id == DiagnosticDescriptors.SchemaNotRepresentable.Id)
            .Select(d => (Tool: d.MessageArguments[0], Path: d.MessageArguments[2]))
            .ToHashSet();

        var tally = new Tally();
        using var document = JsonDocument.Parse(snapshot.Text);
        foreach (var tool in document.RootElement.GetProperty("tools").EnumerateArray())
        {
            var name = tool.GetProperty("name").GetString()!;
            foreach (var root in new[] { "inputSchema", "outputSchema" })
            {
                if (tool.TryGetProperty(root, out var schema))
                {
                    new Walker(schema, root, fallbacks.Where(f => f.Tool == name).Select(f => f.Path).ToHashSet(StringComparer.Ordinal), tally).Walk(schema, root, insideFallback: false);
                }
            }
        }

        return tally;
    }

    /// <summary>Node counts; the two shares the issue sets targets for.</summary>
    internal sealed class Tally
    {
        public int Precise { get; set; }

        public int Fallback { get; set; }

        public int Nested { get; set; }

        public int Untyped { get; set; }

        /// <summary>Precise among the nodes the generator typed: untyped and nested nodes left out.</summary>
        public double TypedShare => Share(Precise, Precise + Fallback);

        /// <summary>Precise among all nodes with a shape, counting nodes inside a fallback as fallbacks.</summary>
        public double OverallShare => Share(Precise, Precise + Fallback + Nested);

        public void Add(Tally other)
        {
            Precise += other.Precise;
            Fallback += other.Fallback;
            Nested += other.Nested;
            Untyped += other.Untyped;
        }

        public static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

        private static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
    }

    private sealed class Walker(JsonElement root, string rootPath, HashSet<string> fallbacks, Tally tally)
    {
        private readonly HashSet<string> _visitedTargets = new(StringComparer.Ordinal);

        public void Walk(JsonElement node, string path, bool insideFallback)
        {
            var isFallback = !insideFallback && fallbacks.Contains(path);
            if (node.ValueKind != JsonValueKind.Object || !s_shapeKeywords.Any(keyword => node.TryGetProperty(keyword, out _)))
            {
                // An untyped node inside a reported fallback is its reason ("accepts any JSON value"), still not a shape.
                tally.Untyped++;
                return;
            }

            if (insideFallback)
            {
                tally.Nested++;
            }
            else if (isFallback)
            {
                tally.Fallback++;
            }
            else
            {
                tally.Precise++;
            }

            var inside = insideFallback || isFallback;
            foreach (var property in node.EnumerateObject())
            {
                var childPath = JsonPaths.Member(path, property.Name);
                switch (property.Name)
                {
                    case "items" or "additionalProperties" or "not" when property.Value.ValueKind == JsonValueKind.Object:
                        Walk(property.Value, childPath, inside || IsUnder(childPath));
                        break;
                    case "items" or "prefixItems" or "anyOf" or "oneOf" or "allOf" when property.Value.ValueKind == JsonValueKind.Array:
                        var index = 0;
                        foreach (var item in property.Value.EnumerateArray())
                        {
                            var itemPath = JsonPaths.Index(childPath, index++);
                            Walk(item, itemPath, inside || IsUnder(itemPath));
                        }

                        break;
                    case "properties" or "patternProperties" when property.Value.ValueKind == JsonValueKind.Object:
                        foreach (var member in property.Value.EnumerateObject())
                        {
                            var memberPath = JsonPaths.Member(childPath, member.Name);
                            Walk(member.Value, memberPath, inside || IsUnder(memberPath));
                        }

                        break;
                    case "$ref" when property.Value.ValueKind == JsonValueKind.String:
                        FollowReference(property.Value.GetString()!, inside);
                        break;
                }
            }
        }

        /// <summary>Walks a local reference's target once, at its own path, as the generator maps it.</summary>
        private void FollowReference(string reference, bool insideFallback)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return;
            }

            var node = root;
            var path = rootPath;
            foreach (var raw in reference.Substring(2).Split('/'))
            {
                var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(segment, out var child))
                {
                    node = child;
                    path = JsonPaths.Member(path, segment);
                }
                else if (node.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < node.GetArrayLength())
                {
                    node = node[i];
                    path = JsonPaths.Index(path, i);
                }
                else
                {
                    return;
                }
            }

            if (_visitedTargets.Add(path))
            {
                Walk(node, path, insideFallback || IsUnder(path));
            }
        }

        /// <summary>Whether a path is strictly inside a reported fallback.</summary>
        private bool IsUnder(string path) =>
            fallbacks.Any(fallback => path.Length > fallback.Length && path.StartsWith(fallback, StringComparison.Ordinal) && path[fallback.Length] is '.' or '[');
    }
}
