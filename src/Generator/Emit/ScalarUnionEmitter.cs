using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes a union of scalars as a struct: a nullable property per JSON kind, a constructor and an implicit conversion
/// from each (<c>Limit limit = 10;</c>, <c>Limit limit = "all";</c>), and the members that move it across the wire.
/// </summary>
internal static class ScalarUnionEmitter
{
    public static void Write(SourceWriter writer, ScalarUnionSpec union, ToolSpec tool, string serverName, string ns)
    {
        var type = TypeSyntax.Generated(ns, union.Name);
        var origin = $"{DocText.Code(union.SchemaPath)} of tool {DocText.Code(tool.WireName)} on server {DocText.Code(serverName)}";
        DocWriter.Summary(writer, RecordEmitter.Described(union.Description) ?? $"One of the values the schema at {origin} allows.");
        DocWriter.Remarks(writer, $"Exactly one property is set: {string.Join(", ", union.Cases.Select(c => $"<see cref=\"{c.Name}\"/>"))}.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"public readonly record struct {union.Name}");
        writer.OpenBlock();
        foreach (var @case in union.Cases)
        {
            var caseType = TypeSyntax.Of(@case.Type, ns, nullable: false);
            DocWriter.Summary(writer, $"Creates the value from {Article(@case.Type)}.");
            DocWriter.Param(writer, "value", "The value.");
            writer.WriteLine($"public {union.Name}({caseType} value) => {@case.Name} = value;");
            writer.WriteLine();
        }

        foreach (var @case in union.Cases)
        {
            DocWriter.Summary(writer, $"The value when it is {Article(@case.Type)}, else <see langword=\"null\"/>.");
            writer.WriteLine($"public {TypeSyntax.Of(@case.Type, ns, nullable: true)} {@case.Name} {{ get; }}");
            writer.WriteLine();
        }

        foreach (var @case in union.Cases)
        {
            DocWriter.Summary(writer, $"Creates the value from {Article(@case.Type)}.");
            DocWriter.Param(writer, "value", "The value.");
            writer.WriteLine($"public static implicit operator {union.Name}({TypeSyntax.Of(@case.Type, ns, nullable: false)} value) => new(value);");
            writer.WriteLine();
        }

        if (union.Uses.HasFlag(TypeUses.Write))
        {
            WriteWriteTo(writer, union, ns);
        }

        if (union.Uses.HasFlag(TypeUses.Read))
        {
            if (union.Uses.HasFlag(TypeUses.Write))
            {
                writer.WriteLine();
            }

            WriteRead(writer, union, type, ns);
        }

        writer.CloseBlock();
    }

    private static void WriteWriteTo(SourceWriter writer, ScalarUnionSpec union, string ns)
    {
        DocWriter.Summary(writer, "Writes the value as the JSON the tool expects; a default value is JSON null.");
        writer.WriteLine($"internal void WriteTo({KnownTypes.Utf8JsonWriter} writer)");
        writer.OpenBlock();
        writer.WriteLine($"{KnownTypes.ArgumentNullException}.ThrowIfNull(writer);");
        var first = true;
        foreach (var @case in union.Cases)
        {
            writer.WriteLine($"{(first ? "" : "else ")}if ({@case.Name} is not null)");
            first = false;
            writer.OpenBlock();
            var value = @case.Type.IsValueType ? @case.Name + ".Value" : @case.Name;
            JsonWriting.WriteValue(writer, value, @case.Type, ns, depth: 1, CSharpLiteral.String("value"));
            writer.CloseBlock();
        }

        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteRead(SourceWriter writer, ScalarUnionSpec union, string type, string ns)
    {
        var kind = $"{KnownTypes.JsonValueKind}.";
        DocWriter.Summary(writer, "Reads the value by its JSON kind.");
        writer.WriteLine($"internal static {type} Read({KnownTypes.JsonElement} value, {KnownTypes.ToolDescriptor} tool) => value.ValueKind switch");
        writer.OpenBlock();
        foreach (var @case in union.Cases)
        {
            var pattern = @case.Type.Kind switch
            {
                TypeKind.String or TypeKind.Enum => kind + "String",
                TypeKind.Integer or TypeKind.Number => kind + "Number",
                _ => $"{kind}True or {kind}False",
            };
            writer.WriteLine($"{pattern} => new {type}({JsonReading.ValueOf(@case.Type, "value", ns)}),");
        }

        var expected = string.Join(" or ", union.Cases.Select(c => Article(c.Type)));
        writer.WriteLine($"_ => throw {KnownTypes.StructuredJson}.NotOneOf(value, tool, {CSharpLiteral.String(expected)}),");
        writer.CloseBlock(";");
    }

    private static string Article(TypeSpec type) => type.Kind switch
    {
        TypeKind.Integer => "an integer",
        TypeKind.Number => "a number",
        TypeKind.Boolean => "a boolean",
        TypeKind.Enum => "one of the allowed strings",
        _ => "a string",
    };
}
