using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes a union with an object or array case: an abstract record that only its nested cases derive from, a case per
/// branch, and an unknown case that keeps any other value as JSON. Reading picks the first case a value matches: an
/// object case by the properties it requires and its constants (its discriminator), other cases by the JSON kind.
/// </summary>
internal static class UnionEmitter
{
    public static void Write(SourceWriter writer, UnionSpec union, ToolSpec tool, string serverName, string ns)
    {
        var type = TypeSyntax.Generated(ns, union.Name);
        var origin = $"{DocText.Code(union.SchemaPath)} of tool {DocText.Code(tool.WireName)} on server {DocText.Code(serverName)}";
        DocWriter.Summary(writer, RecordEmitter.Described(union.Description) ?? $"One of the values the schema at {origin} allows.");
        DocWriter.Remarks(writer, $"Each case is a nested record: {string.Join(", ", union.Cases.Select(c => $"<see cref=\"{type}.{c.Name}\"/>"))}; a value that matches none is <see cref=\"{type}.{union.UnknownName}\"/>.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"public abstract record {union.Name}");
        writer.OpenBlock();
        DocWriter.Summary(writer, "Only the nested cases derive from the union.");
        writer.WriteLine($"private protected {union.Name}()");
        writer.OpenBlock();
        writer.CloseBlock();
        if (union.Uses.HasFlag(TypeUses.Write))
        {
            writer.WriteLine();
            DocWriter.Summary(writer, "Writes the value as the JSON the tool expects.");
            writer.WriteLine($"internal abstract void WriteTo({KnownTypes.Utf8JsonWriter} writer);");
        }

        if (union.Uses.HasFlag(TypeUses.Read))
        {
            writer.WriteLine();
            WriteRead(writer, union, type, ns);
        }

        foreach (var @case in union.Cases)
        {
            writer.WriteLine();
            if (@case.Record is { } record)
            {
                RecordEmitter.Write(writer, record with { Uses = union.Uses }, RecordEmitter.Described(record.Description) ?? $"The case {DocText.Code(@case.Name)}.", ns, union.Name);
            }
            else
            {
                WriteValueCase(writer, union, @case.Name, @case.Value!, DocText.Code(@case.Name), ns);
            }
        }

        writer.WriteLine();
        WriteValueCase(writer, union, union.UnknownName, new TypeSpec(TypeKind.Json, IsNullable: false), "A value that matches none of the other cases, kept as the JSON the server sent (or that you send)", ns);
        writer.CloseBlock();
    }

    private static void WriteRead(SourceWriter writer, UnionSpec union, string type, string ns)
    {
        DocWriter.Summary(writer, "Reads the value as the first case it matches.");
        writer.WriteLine($"internal static {type} Read({KnownTypes.JsonElement} value, {KnownTypes.ToolDescriptor} tool)");
        writer.OpenBlock();

        // Object cases with more to check come first, so that a case that requires less does not take their values.
        var objects = union.Cases.Where(c => c.Record is not null).OrderByDescending(c => c.RequiredWireNames.Count + c.ConstantsJson.Count);
        foreach (var @case in objects)
        {
            var conditions = new List<string> { $"value.ValueKind == {KnownTypes.JsonValueKind}.Object" };
            conditions.AddRange(@case.RequiredWireNames.Select(name => $"{KnownTypes.StructuredJson}.Has(value, {CSharpLiteral.String(name)})"));
            conditions.AddRange(@case.ConstantsJson.Select(c => $"{KnownTypes.StructuredJson}.IsAbsentOr(value, {CSharpLiteral.String(c.WireName)}, {RecordEmitter.ConstantLiteral(c.Json)})"));
            writer.WriteLine($"if ({string.Join(" && ", conditions)})");
            writer.OpenBlock();
            writer.WriteLine($"return {type}.{@case.Name}.Read(value, tool);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        foreach (var @case in union.Cases.Where(c => c.Value is not null).OrderBy(c => c.Value!.Kind == TypeKind.Json))
        {
            var read = $"return new {type}.{@case.Name} {{ Value = {JsonReading.ValueOf(@case.Value!, "value", ns)} }};";
            if (Matches(@case.Value!, ns) is { } condition)
            {
                writer.WriteLine($"if ({condition})");
                writer.OpenBlock();
                writer.WriteLine(read);
                writer.CloseBlock();
                writer.WriteLine();
            }
            else
            {
                writer.WriteLine(read);
                writer.CloseBlock();
                return;
            }
        }

        writer.WriteLine($"return new {type}.{union.UnknownName} {{ Value = value.Clone() }};");
        writer.CloseBlock();
    }

    /// <summary>The test of a value for a case that is not an object with properties; <see langword="null"/> when any value matches.</summary>
    private static string? Matches(TypeSpec type, string ns)
    {
        var kind = $"{KnownTypes.JsonValueKind}.";
        var test = type.Kind switch
        {
            TypeKind.String => $"value.ValueKind == {kind}String",
            TypeKind.Enum => $"value.ValueKind == {kind}String && {TypeSyntax.Helper(type, ns)}.FromWireValue(value.GetString()!) is not null",
            TypeKind.Integer => $"value.ValueKind == {kind}Number && value.TryGetInt64(out _)",
            TypeKind.Number => $"value.ValueKind == {kind}Number",
            TypeKind.Boolean => $"value.ValueKind is {kind}True or {kind}False",
            TypeKind.List => $"value.ValueKind == {kind}Array",
            TypeKind.Map or TypeKind.Record => $"value.ValueKind == {kind}Object",
            _ => null,
        };
        if (test is not null && type.AlsoReads.HasFlag(AlternateForms.JsonString))
        {
            test = $"({test}) || value.ValueKind == {kind}String";
        }

        if (test is not null && type.AlsoReads.HasFlag(AlternateForms.SingleItem))
        {
            test = null;
        }

        return type.IsNullable && test is not null ? $"value.ValueKind == {kind}Null || {test}" : test;
    }

    private static void WriteValueCase(SourceWriter writer, UnionSpec union, string name, TypeSpec value, string summary, string ns)
    {
        DocWriter.Summary(writer, summary.EndsWith("</c>", StringComparison.Ordinal) ? $"The case {summary}." : summary + ".");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"public sealed record {name} : {TypeSyntax.Generated(ns, union.Name)}");
        writer.OpenBlock();
        DocWriter.Summary(writer, "The value.");
        writer.WriteLine($"public required {TypeSyntax.Of(value, ns, value.IsNullable)} Value {{ get; init; }}");
        if (union.Uses.HasFlag(TypeUses.Write))
        {
            writer.WriteLine();
            DocWriter.Summary(writer, "Writes the value as the JSON the tool expects.");
            writer.WriteLine($"internal override void WriteTo({KnownTypes.Utf8JsonWriter} writer)");
            writer.OpenBlock();
            writer.WriteLine($"{KnownTypes.ArgumentNullException}.ThrowIfNull(writer);");
            JsonWriting.WriteValue(writer, "Value", value, ns, depth: 1, CSharpLiteral.String("value"));
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }
}
