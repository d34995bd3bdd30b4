using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes a generated record: init-only properties (<c>required</c> where the schema requires them), the extra
/// properties the schema allows, and the members that move it across the wire, which depend on its
/// <see cref="RecordKind"/> and uses.
/// </summary>
internal static class RecordEmitter
{
    public static void Write(SourceWriter writer, RecordSpec record, ToolSpec tool, string serverName, string ns) =>
        Write(writer, record, Summary(record, tool.WireName, serverName), ns, union: null);

    /// <param name="writer">The writer.</param>
    /// <param name="record">The record.</param>
    /// <param name="summary">The record's summary, as XML content.</param>
    /// <param name="ns">The record's namespace.</param>
    public static void Write(SourceWriter writer, RecordSpec record, string summary, string ns) => Write(writer, record, summary, ns, union: null);

    /// <param name="writer">The writer.</param>
    /// <param name="record">The record.</param>
    /// <param name="summary">The record's summary, as XML content.</param>
    /// <param name="ns">The record's namespace.</param>
    /// <param name="union">For a union case, the union's name: the record is nested in it and derives from it.</param>
    public static void Write(SourceWriter writer, RecordSpec record, string summary, string ns, string? union)
    {
        var type = TypeSyntax.Generated(ns, union is null ? record.Name : union + "." + record.Name);
        DocWriter.Summary(writer, summary);
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine(record.Kind switch
        {
            RecordKind.Arguments => $"public sealed record {record.Name} : {KnownTypes.IToolArguments}",
            RecordKind.Result => $"public sealed record {record.Name} : {KnownTypes.ToolResult}, {KnownTypes.IToolResult}<{type}>",
            RecordKind.UnionCase => $"public sealed record {record.Name} : {TypeSyntax.Generated(ns, union!)}",
            _ => $"public sealed record {record.Name}",
        });
        writer.OpenBlock();
        var noun = record.Uses == TypeUses.Write ? "argument" : "value";
        foreach (var property in record.Properties)
        {
            DocWriter.Summary(writer, PropertyDocs.For(property, noun));
            if (property.IsFixed)
            {
                writer.WriteLine($"public {TypeSyntax.Of(property.Type, ns, nullable: false)} {property.Name} => {ConstantLiteral(property.ConstJson!)};");
            }
            else
            {
                var required = property.IsRequired ? "required " : "";
                writer.WriteLine($"public {required}{TypeSyntax.Of(property.Type, ns, property.IsNullable)} {property.Name} {{ get; init; }}");
            }

            writer.WriteLine();
        }

        if (record.AdditionalPropertiesName is { } bag)
        {
            DocWriter.Summary(writer, "Properties beyond the declared ones, which the schema allows: read as the server sent them, written after the declared ones.");
            writer.WriteLine($"public {KnownTypes.IReadOnlyDictionary}<string, {TypeSyntax.Of(record.AdditionalProperties!, ns, record.AdditionalProperties!.IsNullable)}>? {bag} {{ get; init; }}");
            writer.WriteLine();
        }

        switch (record.Kind)
        {
            case RecordKind.Arguments:
                writer.WriteLine("/// <inheritdoc/>");
                writer.WriteLine($"void {KnownTypes.IToolArguments}.WriteTo({KnownTypes.Utf8JsonWriter} writer)");
                WriteBlock(writer, () => JsonWriting.WriteObjectBody(writer, record, ns));
                break;
            case RecordKind.Result:
                WriteFromCallToolResult(writer, record, type, ns);
                break;
            default:
                WriteNestedMembers(writer, record, type, ns, record.Kind == RecordKind.UnionCase);
                break;
        }

        writer.CloseBlock();
    }

    /// <summary>The literal of a union case's constant: a string, number or boolean.</summary>
    public static string ConstantLiteral(string json) =>
        JsonParser.Parse(json).Root is JsonString text ? CSharpLiteral.String(text.Value) : json;

    private static void WriteNestedMembers(SourceWriter writer, RecordSpec record, string type, string ns, bool isCase)
    {
        var writes = record.Uses.HasFlag(TypeUses.Write);
        if (writes)
        {
            DocWriter.Summary(writer, "Writes the object as the JSON the tool expects.");
            writer.WriteLine(isCase ? $"internal override void WriteTo({KnownTypes.Utf8JsonWriter} writer)" : $"internal void WriteTo({KnownTypes.Utf8JsonWriter} writer)");
            WriteBlock(writer, () => JsonWriting.WriteObjectBody(writer, record, ns));
        }

        if (record.Uses.HasFlag(TypeUses.Read))
        {
            if (writes)
            {
                writer.WriteLine();
            }

            DocWriter.Summary(writer, "Reads the object from the tool's structured result.");
            writer.WriteLine($"internal static {(isCase ? "new " : "")}{type} Read({KnownTypes.JsonElement} value, {KnownTypes.ToolDescriptor} tool)");
            WriteBlock(writer, () =>
            {
                writer.WriteLine($"var obj = {KnownTypes.StructuredJson}.RequireObject(value, tool);");
                WriteConstruction(writer, record, type, "obj", ns, null);
            });
        }
    }

    private static void WriteFromCallToolResult(SourceWriter writer, RecordSpec record, string type, string ns)
    {
        DocWriter.Summary(writer, "Reads the tool's structured result from a successful call.");
        DocWriter.Param(writer, "result", "The result as the server sent it.");
        DocWriter.Param(writer, "tool", "The tool that was called, for error messages.");
        DocWriter.Returns(writer, "The typed result.");
        DocWriter.Exception(writer, KnownTypes.ToolResultFormatException, "The result does not match the tool's output schema.");
        writer.WriteLine($"public static {type} FromCallToolResult({KnownTypes.CallToolResult} result, {KnownTypes.ToolDescriptor} tool)");
        WriteBlock(writer, () =>
        {
            writer.WriteLine($"var content = {KnownTypes.StructuredJson}.GetStructuredContent(result, tool);");
            WriteConstruction(writer, record, type, "content", ns, "RawResult = result,");
        });
    }

    private static void WriteConstruction(SourceWriter writer, RecordSpec record, string type, string obj, string ns, string? firstAssignment)
    {
        writer.WriteLine($"return new {type}");
        writer.OpenBlock();
        if (firstAssignment is not null)
        {
            writer.WriteLine(firstAssignment);
        }

        foreach (var property in record.Properties.Where(p => !p.IsFixed))
        {
            writer.WriteLine($"{property.Name} = {JsonReading.Property(property, obj, ns)},");
        }

        if (record.AdditionalPropertiesName is { } bag)
        {
            writer.WriteLine($"{bag} = {JsonReading.AdditionalProperties(record, obj, ns)},");
        }

        writer.CloseBlock(";");
    }

    private static void WriteBlock(SourceWriter writer, Action body)
    {
        writer.OpenBlock();
        body();
        writer.CloseBlock();
    }

    private static string Summary(RecordSpec record, string toolName, string serverName)
    {
        var origin = $"tool {DocText.Code(toolName)} on server {DocText.Code(serverName)}";
        return record.Kind switch
        {
            RecordKind.Arguments => $"The arguments of {origin}.",
            RecordKind.Result => $"The structured result of {origin}.",
            _ => Described(record.Description) ?? $"The object at {DocText.Code(record.SchemaPath)} of {origin}.",
        };
    }

    /// <summary>A schema's description as a summary, or <see langword="null"/> when it has none worth showing.</summary>
    public static string? Described(string? description) =>
        description is not null && DocText.Text(description) is { Length: > 0 } text ? text : null;
}
