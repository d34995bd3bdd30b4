using McpFleet.Generator.Json;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Explains how two canonical input schemas (see <c>SchemaCanonicalizer</c>) differ, parameter by parameter and into
/// nested objects and array items, and whether each difference breaks a caller written for the other schema:
/// </summary>
/// <remarks>
/// Conflicts: a parameter's type differs, a required parameter is added or removed, a parameter is required on one
/// side only, the allowed values differ both ways, or a keyword that shapes the value (<c>anyOf</c>, <c>$ref</c>,
/// <c>const</c>…) differs. Skew: an optional parameter is added, one side allows more values, a default or a
/// validation keyword (<c>maxLength</c>, <c>format</c>…) differs.
/// </remarks>
internal sealed class SchemaComparer
{
    private static readonly HashSet<string> s_shapeKeywords = new(StringComparer.Ordinal)
    {
        "$ref", "allOf", "anyOf", "const", "else", "if", "not", "oneOf", "prefixItems", "then",
    };

    private readonly string _left;
    private readonly string _right;
    private readonly List<Difference> _differences = [];

    private SchemaComparer(string left, string right)
    {
        _left = left;
        _right = right;
    }

    /// <param name="left">The first server's input schema, canonical.</param>
    /// <param name="right">The second server's input schema, canonical.</param>
    /// <param name="leftServer">The first server as messages name it.</param>
    /// <param name="rightServer">The second server as messages name it.</param>
    public static List<Difference> CompareInputs(JsonObject left, JsonObject right, string leftServer, string rightServer)
    {
        var comparer = new SchemaComparer(leftServer, rightServer);
        comparer.CompareObjects(left, right, "", "the input schema");
        return comparer._differences;
    }

    /// <summary>A schema's type in words: <c>string</c>, <c>string or null</c>, <c>array of integer</c>, <c>anyOf</c>.</summary>
    public static string TypeOf(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node is JsonBoolean { Value: false } ? "no value" : "any value";
        }

        var types = schema.GetValueOrNull("type") switch
        {
            JsonString single => [single.Value],
            JsonArray several => several.Items.OfType<JsonString>().Select(t => t.Value).OrderBy(t => t == "null").ThenBy(t => t, StringComparer.Ordinal).ToList(),
            _ => Implied(schema),
        };
        if (types.Count == 0)
        {
            return "any value";
        }

        if (types[0] == "array" && schema.GetValueOrNull("items") is JsonObject items)
        {
            types[0] = "array of " + TypeOf(items);
        }

        return string.Join(" or ", types);
    }

    /// <summary>The type a schema without <c>type</c> has by its other keywords, named after the keyword when it is a combinator.</summary>
    private static List<string> Implied(JsonObject schema)
    {
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf", "$ref", "not" })
        {
            if (schema.Contains(keyword))
            {
                return [keyword];
            }
        }

        return schema.Contains("properties") ? ["object"] : schema.Contains("items") ? ["array"] : [];
    }

    private void CompareObjects(JsonObject left, JsonObject right, string prefix, string subject)
    {
        var leftProperties = Properties(left);
        var rightProperties = Properties(right);
        var leftRequired = Required(left);
        var rightRequired = Required(right);
        var names = leftProperties.Keys.Union(rightProperties.Keys, StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = prefix + name;
            var inLeft = leftProperties.TryGetValue(name, out var leftSchema);
            var inRight = rightProperties.TryGetValue(name, out var rightSchema);
            if (!inRight)
            {
                Added(_left, leftRequired.Contains(name), path);
            }
            else if (!inLeft)
            {
                Added(_right, rightRequired.Contains(name), path);
            }
            else
            {
                if (leftRequired.Contains(name) != rightRequired.Contains(name))
                {
                    var (requiring, other) = leftRequired.Contains(name) ? (_left, _right) : (_right, _left);
                    Add(true, $"parameter '{path}' is required on {requiring}, optional on {other}");
                }

                CompareValues(leftSchema!, rightSchema!, path);
            }
        }

        CompareKeywords(left, right, subject, "type", "properties", "required");
    }

    private void Added(string server, bool required, string path) =>
        Add(required, $"{server} adds {(required ? "required" : "optional")} parameter '{path}'");

    private void CompareValues(JsonNode left, JsonNode right, string path)
    {
        if (Same(left, right))
        {
            return;
        }

        var subject = $"parameter '{path}'";
        var leftType = TypeOf(left);
        var rightType = TypeOf(right);
        if (leftType != rightType)
        {
            Add(true, $"{subject}: {leftType} on {_left}, {rightType} on {_right}");
            return;
        }

        if (left is not JsonObject leftSchema || right is not JsonObject rightSchema)
        {
            Add(true, $"{subject} has a different schema on {_left} and {_right}");
            return;
        }

        if (leftSchema.Contains("properties") || rightSchema.Contains("properties"))
        {
            CompareObjects(leftSchema, rightSchema, path + ".", subject);
            return;
        }

        if (leftSchema.GetValueOrNull("items") is JsonObject leftItems && rightSchema.GetValueOrNull("items") is JsonObject rightItems)
        {
            CompareValues(leftItems, rightItems, path + "[]");
            CompareKeywords(leftSchema, rightSchema, subject, "type", "items");
            return;
        }

        CompareKeywords(leftSchema, rightSchema, subject, "type");
    }

    private void CompareKeywords(JsonObject left, JsonObject right, string subject, params string[] handled)
    {
        var keywords = left.Properties.Select(p => p.Name)
            .Union(right.Properties.Select(p => p.Name), StringComparer.Ordinal)
            .Except(handled, StringComparer.Ordinal)
            .OrderBy(keyword => keyword, StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            var leftValue = left.GetValueOrNull(keyword);
            var rightValue = right.GetValueOrNull(keyword);
            if (leftValue is not null && rightValue is not null && Same(leftValue, rightValue))
            {
                continue;
            }

            if (keyword == "enum")
            {
                CompareAllowedValues(leftValue, rightValue, subject);
            }
            else if (keyword == "default")
            {
                Add(false, $"the default of {subject}: {ConflictText.Value(leftValue)} on {_left}, {ConflictText.Value(rightValue)} on {_right}");
            }
            else if (s_shapeKeywords.Contains(keyword))
            {
                Add(true, $"{subject} has a different schema on {_left} and {_right} ('{keyword}' differs)");
            }
            else
            {
                Add(false, $"'{keyword}' of {subject}: {ConflictText.Value(leftValue)} on {_left}, {ConflictText.Value(rightValue)} on {_right}");
            }
        }
    }

    /// <summary>An <c>enum</c> that only gains values is compatible: every value a caller sends to the narrower one still works.</summary>
    private void CompareAllowedValues(JsonNode? left, JsonNode? right, string subject)
    {
        var leftValues = Values(left);
        var rightValues = Values(right);
        if (leftValues is null || (rightValues is not null && rightValues.IsSubsetOf(leftValues)))
        {
            var added = leftValues is null ? "any value" : string.Join(", ", leftValues.Except(rightValues!, StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));
            Add(false, $"{_left} allows more values for {subject} ({(leftValues is null ? added : "adds " + added)})");
        }
        else if (rightValues is null || rightValues.IsSupersetOf(leftValues))
        {
            var added = rightValues is null ? "any value" : string.Join(", ", rightValues.Except(leftValues, StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));
            Add(false, $"{_right} allows more values for {subject} ({(rightValues is null ? added : "adds " + added)})");
        }
        else
        {
            Add(true, $"{subject} allows different values: {ConflictText.Value(left)} on {_left}, {ConflictText.Value(right)} on {_right}");
        }
    }

    private static HashSet<string>? Values(JsonNode? node) =>
        node is JsonArray values ? new HashSet<string>(values.Items.Select(CompactJson.Write), StringComparer.Ordinal) : null;

    private void Add(bool isConflict, string text) => _differences.Add(new Difference(isConflict, text));

    private static Dictionary<string, JsonNode> Properties(JsonObject schema) =>
        (schema.GetValueOrNull("properties") as JsonObject)?.Properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, JsonNode>(StringComparer.Ordinal);

    private static HashSet<string> Required(JsonObject schema) =>
        new((schema.GetValueOrNull("required") as JsonArray)?.Items.OfType<JsonString>().Select(name => name.Value) ?? [], StringComparer.Ordinal);

    private static bool Same(JsonNode left, JsonNode right) => CompactJson.Write(left) == CompactJson.Write(right);
}
