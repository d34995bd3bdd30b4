using System.Text.Json;
using McpFleet.Json;

namespace McpFleet.Drift;

/// <summary>
/// Explains how one tool's live definition differs from its snapshot: its title and description, each parameter of
/// its input schema, its output schema and its annotations. Every field the <see cref="ToolFingerprint"/> covers is
/// compared, so a changed fingerprint yields no change only when nothing changed but the order of a set (the
/// <c>required</c>, <c>enum</c> or <c>type</c> array).
/// </summary>
internal sealed class ToolDefinitionComparer
{
    private readonly string _tool;
    private readonly List<DriftChange> _changes;

    private ToolDefinitionComparer(string tool, List<DriftChange> changes)
    {
        _tool = tool;
        _changes = changes;
    }

    /// <summary>Adds the differences between <paramref name="captured"/> and <paramref name="live"/> to <paramref name="changes"/>.</summary>
    public static void Compare(string tool, JsonElement captured, JsonElement live, List<DriftChange> changes)
    {
        var comparer = new ToolDefinitionComparer(tool, changes);
        if (!SchemaText.Same(SchemaText.Field(captured, "title"), SchemaText.Field(live, "title")))
        {
            comparer.Add(DriftChangeKind.TitleChanged, "title changed");
        }

        if (!SchemaText.Same(SchemaText.Field(captured, "description"), SchemaText.Field(live, "description")))
        {
            comparer.Add(DriftChangeKind.DescriptionChanged, "description changed");
        }

        comparer.CompareInputs(SchemaText.Field(captured, "inputSchema"), SchemaText.Field(live, "inputSchema"));
        comparer.CompareOutputs(SchemaText.Field(captured, "outputSchema"), SchemaText.Field(live, "outputSchema"));
        comparer.CompareAnnotations(SchemaText.Field(captured, "annotations"), SchemaText.Field(live, "annotations"));
    }

    private void CompareInputs(JsonElement? captured, JsonElement? live)
    {
        if (SchemaText.Same(captured, live))
        {
            return;
        }

        if (captured is not { ValueKind: JsonValueKind.Object } before || live is not { ValueKind: JsonValueKind.Object } after)
        {
            Add(DriftChangeKind.InputSchemaChanged, "input schema changed");
            return;
        }

        var (parametersBefore, requiredBefore) = (Parameters(before), Required(before));
        var (parametersAfter, requiredAfter) = (Parameters(after), Required(after));
        var names = parametersBefore.Keys.Concat(parametersAfter.Keys).Concat(requiredBefore).Concat(requiredAfter)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (wasRequired, isRequired) = (requiredBefore.Contains(name), requiredAfter.Contains(name));
            var (existed, exists) = (parametersBefore.TryGetValue(name, out var old) || wasRequired, parametersAfter.TryGetValue(name, out var current) || isRequired);
            if (!exists)
            {
                Add(DriftChangeKind.ParameterRemoved, $"parameter '{name}' removed");
            }
            else if (!existed)
            {
                Add(
                    isRequired ? DriftChangeKind.RequiredParameterAdded : DriftChangeKind.OptionalParameterAdded,
                    $"new {(isRequired ? "required" : "optional")} parameter '{name}' ({SchemaText.TypeOf(current)})");
            }
            else
            {
                CompareParameter(name, old, current, wasRequired, isRequired);
            }
        }

        foreach (var keyword in Keywords(before, after).Where(k => k is not ("properties" or "required")))
        {
            var (left, right) = (SchemaText.Field(before, keyword), SchemaText.Field(after, keyword));
            if (SchemaText.KeywordDiffers(keyword, left, right, withProse: SchemaText.IsProse(keyword)))
            {
                if (SchemaText.IsProse(keyword))
                {
                    Add(DriftChangeKind.DescriptionChanged, $"input schema {keyword} changed");
                }
                else
                {
                    Add(DriftChangeKind.InputSchemaChanged, $"input schema keyword '{keyword}' changed");
                }
            }
        }
    }

    private void CompareParameter(string name, JsonElement old, JsonElement current, bool wasRequired, bool isRequired)
    {
        var structural = SchemaText.DifferBeyondProse(old, current);
        if (SchemaText.TypeOf(old) != SchemaText.TypeOf(current))
        {
            Add(DriftChangeKind.ParameterTypeChanged, $"parameter '{name}': type {SchemaText.TypeOf(old)} → {SchemaText.TypeOf(current)}");
        }
        else if (structural)
        {
            var keywords = old.ValueKind == JsonValueKind.Object && current.ValueKind == JsonValueKind.Object
                ? Keywords(old, current).Where(k => SchemaText.KeywordDiffers(k, SchemaText.Field(old, k), SchemaText.Field(current, k), withProse: false)).ToList()
                : [];
            Add(DriftChangeKind.ParameterSchemaChanged, keywords.Count == 0
                ? $"parameter '{name}': schema changed"
                : $"parameter '{name}': schema changed ({string.Join(", ", keywords)})");
        }

        // Alongside a structural change only the parameter's own prose is told apart; nested prose goes with the change.
        var proseChanged = structural ? SchemaText.ProseDiffers(old, current) : SchemaText.Differ(old, current);
        if (proseChanged)
        {
            Add(DriftChangeKind.ParameterDescriptionChanged, $"parameter '{name}': description changed");
        }

        if (!wasRequired && isRequired)
        {
            Add(DriftChangeKind.ParameterBecameRequired, $"parameter '{name}' is now required");
        }
        else if (wasRequired && !isRequired)
        {
            Add(DriftChangeKind.ParameterBecameOptional, $"parameter '{name}' is now optional");
        }
    }

    private void CompareOutputs(JsonElement? captured, JsonElement? live)
    {
        if (!SchemaText.Differ(captured, live))
        {
            return;
        }

        if (captured is null)
        {
            Add(DriftChangeKind.OutputSchemaAdded, "now declares an output schema");
        }
        else if (live is null)
        {
            Add(DriftChangeKind.OutputSchemaChanged, "output schema removed");
        }
        else if (SchemaText.DifferBeyondProse(captured, live))
        {
            Add(DriftChangeKind.OutputSchemaChanged, "output schema changed");
        }
        else
        {
            Add(DriftChangeKind.DescriptionChanged, "output schema descriptions changed");
        }
    }

    private void CompareAnnotations(JsonElement? captured, JsonElement? live)
    {
        if (SchemaText.Same(captured, live))
        {
            return;
        }

        if (!SchemaText.Same(SchemaText.Field(captured, "title"), SchemaText.Field(live, "title")))
        {
            Add(DriftChangeKind.TitleChanged, "annotations title changed");
        }

        var (before, after) = (Hints(captured), Hints(live));
        var reported = _changes.Count;
        Hint(before.IsReadOnly, after.IsReadOnly, "read-only", "not read-only", escalatesTo: false);
        Hint(before.IsDestructive, after.IsDestructive, "destructive", "non-destructive", escalatesTo: true);
        Hint(before.IsIdempotent, after.IsIdempotent, "idempotent", "not idempotent", escalatesTo: false);
        Hint(before.IsOpenWorld, after.IsOpenWorld, "open-world", "closed-world", escalatesTo: true);

        // Restated hints (e.g. destructiveHint: false added to a read-only tool) or fields this version does not know.
        if (_changes.Count == reported && WithoutTitle(captured) != WithoutTitle(live))
        {
            Add(DriftChangeKind.AnnotationChanged, "annotations changed; the effective hints are the same");
        }
    }

    /// <summary>Reports a changed hint; it escalates when it becomes <paramref name="escalatesTo"/>.</summary>
    private void Hint(bool before, bool after, string whenTrue, string whenFalse, bool escalatesTo)
    {
        if (before != after)
        {
            Add(
                after == escalatesTo ? DriftChangeKind.AnnotationEscalated : DriftChangeKind.AnnotationChanged,
                $"{(before ? whenTrue : whenFalse)} → {(after ? whenTrue : whenFalse)}");
        }
    }

    private void Add(DriftChangeKind kind, string detail) => _changes.Add(new DriftChange(_tool, kind, detail));

    private static ToolHints Hints(JsonElement? annotations) => new(
        Bool(annotations, "readOnlyHint"), Bool(annotations, "destructiveHint"), Bool(annotations, "idempotentHint"), Bool(annotations, "openWorldHint"));

    private static bool? Bool(JsonElement? annotations, string name) => SchemaText.Field(annotations, name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static string? WithoutTitle(JsonElement? annotations) =>
        annotations is { ValueKind: JsonValueKind.Object } value
            ? string.Join(",", value.EnumerateObject().Where(p => p.Name != "title").OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={CanonicalJson.Write(p.Value)}"))
            : annotations is { } other ? CanonicalJson.Write(other) : null;

    private static Dictionary<string, JsonElement> Parameters(JsonElement schema) =>
        SchemaText.Field(schema, "properties") is { ValueKind: JsonValueKind.Object } properties
            ? properties.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    private static HashSet<string> Required(JsonElement schema) =>
        SchemaText.Field(schema, "required") is { ValueKind: JsonValueKind.Array } required
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static IEnumerable<string> Keywords(JsonElement left, JsonElement right) =>
        left.EnumerateObject().Select(p => p.Name).Concat(right.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
