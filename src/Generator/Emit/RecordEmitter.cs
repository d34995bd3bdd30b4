using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes a generated record: init-only properties (<c>required</c> where the schema requires them) and the member
/// that moves it across the wire, which depends on its <see cref="RecordKind"/>.
/// </summary>
internal static class RecordEmitter
{
    public static void Write(SourceWriter writer, RecordSpec record, ToolSpec tool, string serverName, string ns) =>
        Write(writer, record, Summary(record, tool, serverName), ns);

    /// <param name="writer">The writer.</param>
    /// <param name="record">The record.</param>
    /// <param name="summary">The record's summary, as XML content.</param>
    /// <param name="ns">The record's namespace.</param>
    public static void Write(SourceWriter writer, RecordSpec record, string summary, string ns)
    {
        var type = TypeSyntax.Generated(ns, record.Name);
        DocWriter.Summary(writer, summary);
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine(record.Kind switch
        {
            RecordKind.Arguments => $"public sealed record {record.Name} : {KnownTypes.IToolArguments}",
            RecordKind.Result => $"public sealed record {record.Name} : {KnownTypes.ToolResult}, {KnownTypes.IToolResult}<{type}>",
            _ => $"public sealed record {record.Name}",
        });
        writer.OpenBlock();
        foreach (var property in record.Properties)
        {
            DocWriter.Summary(writer, PropertyDocs.For(property, record.Kind is RecordKind.Arguments or RecordKind.NestedArguments ? "argument" : "value"));
            var required = property.IsRequired ? "required " : "";
            writer.WriteLine($"public {required}{TypeSyntax.Of(property.Type, ns, property.IsNullable)} {property.Name} {{ get; init; }}");
            writer.WriteLine();
        }

        switch (record.Kind)
        {
            case RecordKind.Arguments:
                writer.WriteLine("/// <inheritdoc/>");
                writer.WriteLine($"void {KnownTypes.IToolArguments}.WriteTo({KnownTypes.Utf8JsonWriter} writer)");
                WriteBlock(writer, () => JsonWriting.WriteObjectBody(writer, record, ns));
                break;
            case RecordKind.NestedArguments:
                DocWriter.Summary(writer, "Writes the object as the JSON the tool expects.");
                writer.WriteLine($"internal void WriteTo({KnownTypes.Utf8JsonWriter} writer)");
                WriteBlock(writer, () => JsonWriting.WriteObjectBody(writer, record, ns));
                break;
            case RecordKind.Result:
                WriteFromCallToolResult(writer, record, type, ns);
                break;
            case RecordKind.NestedResult:
                WriteRead(writer, record, type, ns);
                break;
        }

        writer.CloseBlock();
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

    private static void WriteRead(SourceWriter writer, RecordSpec record, string type, string ns)
    {
        DocWriter.Summary(writer, "Reads the object from the tool's structured result.");
        writer.WriteLine($"internal static {type} Read({KnownTypes.JsonElement} value, {KnownTypes.ToolDescriptor} tool)");
        WriteBlock(writer, () =>
        {
            writer.WriteLine($"var obj = {KnownTypes.StructuredJson}.RequireObject(value, tool);");
            WriteConstruction(writer, record, type, "obj", ns, null);
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

        foreach (var property in record.Properties)
        {
            writer.WriteLine($"{property.Name} = {JsonReading.Property(property, obj, ns)},");
        }

        writer.CloseBlock(";");
    }

    private static void WriteBlock(SourceWriter writer, Action body)
    {
        writer.OpenBlock();
        body();
        writer.CloseBlock();
    }

    private static string Summary(RecordSpec record, ToolSpec tool, string serverName)
    {
        var origin = $"tool {DocText.Code(tool.WireName)} on server {DocText.Code(serverName)}";
        return record.Kind switch
        {
            RecordKind.Arguments => $"The arguments of {origin}.",
            RecordKind.Result => $"The structured result of {origin}.",
            _ => record.Description is { } description && DocText.Text(description) is { Length: > 0 } text
                ? text
                : $"The object at {DocText.Code(record.SchemaPath)} of {origin}.",
        };
    }
}
