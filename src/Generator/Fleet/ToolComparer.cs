using McpFleet.Generator.Json;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Explains how two servers' definitions of one tool differ: the input schemas (see <see cref="SchemaComparer"/>),
/// the output schemas (any difference is a conflict: the typed result reads one shape) and the effective hints (an
/// escalation such as read-only on one server but not on the other is a conflict; open- versus closed-world is skew).
/// </summary>
internal static class ToolComparer
{
    public static List<Difference> Compare(ServerTool left, ServerTool right)
    {
        var differences = new List<Difference>();
        if (left.InputSchemaJson != right.InputSchemaJson)
        {
            differences.AddRange(SchemaComparer.CompareInputs(Parse(left.InputSchemaJson), Parse(right.InputSchemaJson), left.Reference, right.Reference));
        }

        if (left.OutputSchemaJson != right.OutputSchemaJson)
        {
            differences.Add(new Difference(true, (left.OutputSchemaJson, right.OutputSchemaJson) switch
            {
                (null, _) => $"{right.Reference} declares an output schema, {left.Reference} does not",
                (_, null) => $"{left.Reference} declares an output schema, {right.Reference} does not",
                _ => $"the output schema differs between {left.Reference} and {right.Reference}",
            }));
        }

        CompareHints(EffectiveHints.Of(left.Tool.Hints), EffectiveHints.Of(right.Tool.Hints), left.Reference, right.Reference, differences);
        return differences;
    }

    private static void CompareHints(EffectiveHints left, EffectiveHints right, string leftServer, string rightServer, List<Difference> differences)
    {
        if (left.ReadOnly != right.ReadOnly)
        {
            var (readOnly, other, otherHints) = left.ReadOnly ? (leftServer, rightServer, right) : (rightServer, leftServer, left);
            differences.Add(new Difference(true, $"read-only on {readOnly}, {(otherHints.Destructive ? "destructive" : "not read-only")} on {other}"));
        }
        else
        {
            if (left.Destructive != right.Destructive)
            {
                var (safe, destructive) = left.Destructive ? (rightServer, leftServer) : (leftServer, rightServer);
                differences.Add(new Difference(true, $"non-destructive on {safe}, destructive on {destructive}"));
            }

            if (left.Idempotent != right.Idempotent)
            {
                var (idempotent, other) = left.Idempotent ? (leftServer, rightServer) : (rightServer, leftServer);
                differences.Add(new Difference(true, $"idempotent on {idempotent}, not on {other}"));
            }
        }

        if (left.OpenWorld != right.OpenWorld)
        {
            var (closed, open) = left.OpenWorld ? (rightServer, leftServer) : (leftServer, rightServer);
            differences.Add(new Difference(false, $"closed-world on {closed}, open-world on {open}"));
        }
    }

    /// <summary>Parses a canonical schema this generator wrote, so it is always a JSON object.</summary>
    public static JsonObject Parse(string canonicalJson) =>
        JsonParser.Parse(canonicalJson).Root as JsonObject ?? new JsonObject([], default, default);
}
