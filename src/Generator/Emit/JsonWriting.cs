using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the bodies of the generated <c>WriteTo</c> methods: direct <c>Utf8JsonWriter</c> calls, no reflection.
/// Roslyn does not run the System.Text.Json source generator over other generators' output, so a
/// <c>JsonSerializerContext</c> for the generated types is impossible; this code is the equivalent, and trimming- and
/// AOT-safe like it.
/// </summary>
/// <remarks>
/// Null checks test the property or item itself (<c>if (Days is not null)</c>) rather than declaring pattern
/// variables: those would share the method's scope and could collide with each other or with a property's name.
/// </remarks>
internal static class JsonWriting
{
    /// <summary>Writes the record as one JSON object with the wire names, leaving out optional properties that are null.</summary>
    public static void WriteObjectBody(SourceWriter writer, RecordSpec record, string ns)
    {
        writer.WriteLine($"{KnownTypes.ArgumentNullException}.ThrowIfNull(writer);");
        writer.WriteLine("writer.WriteStartObject();");
        var afterBlock = false;
        foreach (var property in record.Properties)
        {
            if (afterBlock)
            {
                writer.WriteLine();
            }

            afterBlock = WriteProperty(writer, property, ns);
        }

        if (afterBlock)
        {
            writer.WriteLine();
        }

        writer.WriteLine("writer.WriteEndObject();");
    }

    /// <summary>Writes one property; returns whether that ended with a block, which a blank line should follow.</summary>
    private static bool WriteProperty(SourceWriter writer, PropertySpec property, string ns)
    {
        var name = CSharpLiteral.String(property.WireName);
        if (!property.IsNullable)
        {
            WriteNamedValue(writer, name, property.Name, property.Type, ns);
            return false;
        }

        var value = NonNull(property.Name, property.Type);
        if (!property.IsRequired)
        {
            writer.WriteLine($"if ({property.Name} is not null)");
            WriteBlock(writer, () => WriteNamedValue(writer, name, value, property.Type, ns));
            return true;
        }

        // Required but nullable: null is sent as JSON null, never left out.
        writer.WriteLine($"if ({property.Name} is null)");
        WriteBlock(writer, () => writer.WriteLine($"writer.WriteNull({name});"));
        writer.WriteLine("else");
        WriteBlock(writer, () => WriteNamedValue(writer, name, value, property.Type, ns));
        return true;
    }

    /// <summary>Writes a property whose value <paramref name="expression"/> is not null.</summary>
    private static void WriteNamedValue(SourceWriter writer, string name, string expression, TypeSpec type, string ns)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"writer.WriteString({name}, {expression});");
                break;
            case TypeKind.Integer or TypeKind.Number:
                writer.WriteLine($"writer.WriteNumber({name}, {expression});");
                break;
            case TypeKind.Boolean:
                writer.WriteLine($"writer.WriteBoolean({name}, {expression});");
                break;
            case TypeKind.Enum:
                writer.WriteLine($"writer.WriteString({name}, {TypeSyntax.Helper(type, ns)}.ToWireValue({expression}));");
                break;
            case TypeKind.List:
                writer.WriteLine($"writer.WriteStartArray({name});");
                WriteItems(writer, expression, type.Item!, ns, depth: 1);
                writer.WriteLine("writer.WriteEndArray();");
                break;
            default:
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine($"{expression}.WriteTo(writer);");
                break;
        }
    }

    private static void WriteItems(SourceWriter writer, string list, TypeSpec item, string ns, int depth)
    {
        var variable = depth == 1 ? "item" : "item" + depth;
        writer.WriteLine($"foreach (var {variable} in {list})");
        WriteBlock(writer, () => WriteValue(writer, variable, item, ns, depth));
    }

    /// <summary>Writes a value without a property name: an item of an array.</summary>
    private static void WriteValue(SourceWriter writer, string expression, TypeSpec type, string ns, int depth)
    {
        if (type.IsNullable)
        {
            writer.WriteLine($"if ({expression} is null)");
            WriteBlock(writer, () => writer.WriteLine("writer.WriteNullValue();"));
            writer.WriteLine("else");
            WriteBlock(writer, () => WriteValue(writer, NonNull(expression, type), type with { IsNullable = false }, ns, depth));
            return;
        }

        switch (type.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"writer.WriteStringValue({expression});");
                break;
            case TypeKind.Integer or TypeKind.Number:
                writer.WriteLine($"writer.WriteNumberValue({expression});");
                break;
            case TypeKind.Boolean:
                writer.WriteLine($"writer.WriteBooleanValue({expression});");
                break;
            case TypeKind.Enum:
                writer.WriteLine($"writer.WriteStringValue({TypeSyntax.Helper(type, ns)}.ToWireValue({expression}));");
                break;
            case TypeKind.List:
                writer.WriteLine("writer.WriteStartArray();");
                WriteItems(writer, expression, type.Item!, ns, depth + 1);
                writer.WriteLine("writer.WriteEndArray();");
                break;
            default:
                writer.WriteLine($"{expression}.WriteTo(writer);");
                break;
        }
    }

    /// <summary>The non-null value of a nullable expression: <c>.Value</c> for the value types, the expression itself otherwise.</summary>
    private static string NonNull(string expression, TypeSpec type) =>
        type.Kind is TypeKind.Integer or TypeKind.Number or TypeKind.Boolean or TypeKind.Enum or TypeKind.Json
            ? expression + ".Value"
            : expression;

    private static void WriteBlock(SourceWriter writer, Action body)
    {
        writer.OpenBlock();
        body();
        writer.CloseBlock();
    }
}
