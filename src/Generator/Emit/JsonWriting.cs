using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the bodies of the generated <c>WriteTo</c> methods: <c>Utf8JsonWriter</c> calls, and one
/// <see cref="KnownTypes.ArgumentValues"/> call per scalar property; no reflection.
/// Roslyn does not run the System.Text.Json source generator over other generators' output, so a
/// <c>JsonSerializerContext</c> for the generated types is impossible; this code is the equivalent, and trimming- and
/// AOT-safe like it.
/// </summary>
/// <remarks>
/// Null checks test the property or item itself (<c>if (Days is not null)</c>) rather than declaring pattern
/// variables: those would share the method's scope and could collide with each other or with a property's name.
/// Loop variables are numbered by depth for the same reason.
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

        if (record.AdditionalPropertiesName is { } bag && record.AdditionalProperties is { Kind: TypeKind.Json, IsNullable: false })
        {
            // The common case, a schema that allows any extra property: one call instead of a loop in every record.
            if (afterBlock)
            {
                writer.WriteLine();
            }

            var isDeclared = record.Properties.Count == 0 ? "false" : DeclaredNamePattern(record, "name");
            writer.WriteLine($"{KnownTypes.ArgumentValues}.WriteAdditionalProperties(writer, {bag}, static name => {isDeclared});");
            afterBlock = false;
        }
        else if (record.AdditionalPropertiesName is { } typedBag)
        {
            if (afterBlock || record.Properties.Count > 0)
            {
                writer.WriteLine();
            }

            WriteAdditionalProperties(writer, record, typedBag, ns);
            afterBlock = true;
        }

        if (afterBlock)
        {
            writer.WriteLine();
        }

        writer.WriteLine("writer.WriteEndObject();");
    }

    /// <summary>Writes a value of <paramref name="type"/> (not null) held by <paramref name="expression"/>;
    /// <paramref name="wireName"/> is the C# literal of the property it belongs to, named when the value cannot be sent.</summary>
    public static void WriteValue(SourceWriter writer, string expression, TypeSpec type, string ns, int depth, string wireName)
    {
        if (type.IsNullable)
        {
            writer.WriteLine($"if ({expression} is null)");
            WriteBlock(writer, () => writer.WriteLine("writer.WriteNullValue();"));
            writer.WriteLine("else");
            WriteBlock(writer, () => WriteValue(writer, NonNull(expression, type), type with { IsNullable = false }, ns, depth, wireName));
            return;
        }

        switch (type.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"writer.WriteStringValue({expression});");
                break;
            case TypeKind.Integer:
                writer.WriteLine($"writer.WriteNumberValue({expression});");
                break;
            case TypeKind.Number:
                writer.WriteLine($"writer.WriteNumberValue({Finite(expression, wireName)});");
                break;
            case TypeKind.Boolean:
                writer.WriteLine($"writer.WriteBooleanValue({expression});");
                break;
            case TypeKind.Enum:
                writer.WriteLine($"writer.WriteStringValue({TypeSyntax.Helper(type, ns)}.ToWireValue({expression}, {wireName}));");
                break;
            case TypeKind.List:
                var item = Variable("item", depth);
                writer.WriteLine("writer.WriteStartArray();");
                writer.WriteLine($"foreach (var {item} in {expression})");
                WriteBlock(writer, () => WriteValue(writer, item, type.Item!, ns, depth + 1, wireName));
                writer.WriteLine("writer.WriteEndArray();");
                break;
            case TypeKind.Map:
                var entry = Variable("entry", depth);
                writer.WriteLine("writer.WriteStartObject();");
                writer.WriteLine($"foreach (var {entry} in {expression})");
                WriteBlock(writer, () =>
                {
                    writer.WriteLine($"writer.WritePropertyName({entry}.Key);");
                    WriteValue(writer, entry + ".Value", type.Item!, ns, depth + 1, wireName);
                });
                writer.WriteLine("writer.WriteEndObject();");
                break;
            default:
                // Records, unions and JsonElement write themselves.
                writer.WriteLine($"{expression}.WriteTo(writer);");
                break;
        }
    }

    /// <summary>Writes one property; returns whether that ended with a block, which a blank line should follow.</summary>
    private static bool WriteProperty(SourceWriter writer, PropertySpec property, string ns)
    {
        var name = CSharpLiteral.String(property.WireName);
        if (property.IsFixed)
        {
            // The case's constant, exactly as the schema writes it.
            writer.WriteLine($"writer.WritePropertyName({name});");
            writer.WriteLine($"writer.WriteRawValue({CSharpLiteral.String(property.ConstJson!)}, skipInputValidation: true);");
            return false;
        }

        if (ScalarWriter(property.Type.Kind) is { } scalar)
        {
            // One runtime call per scalar: an optional property that is null is left out, a required one is sent as null.
            var optional = property.IsNullable && !property.IsRequired ? "Optional" : "";
            writer.WriteLine($"{KnownTypes.ArgumentValues}.Write{optional}{scalar}(writer, {name}, {property.Name});");
            return false;
        }

        if (!property.IsNullable)
        {
            WriteNamedValue(writer, name, property.Name, property.Type, ns);
            return false;
        }

        var value = NonNull(property.Name, property.Type);
        var type = property.Type with { IsNullable = false };
        if (!property.IsRequired)
        {
            writer.WriteLine($"if ({property.Name} is not null)");
            WriteBlock(writer, () => WriteNamedValue(writer, name, value, type, ns));
            return true;
        }

        // Required but nullable: null is sent as JSON null, never left out.
        writer.WriteLine($"if ({property.Name} is null)");
        WriteBlock(writer, () => writer.WriteLine($"writer.WriteNull({name});"));
        writer.WriteLine("else");
        WriteBlock(writer, () => WriteNamedValue(writer, name, value, type, ns));
        return true;
    }

    /// <summary>The kind in the name of <see cref="KnownTypes.ArgumentValues"/>' writer for a scalar property, or <see langword="null"/>.</summary>
    private static string? ScalarWriter(TypeKind kind) => kind switch
    {
        TypeKind.String => "String",
        TypeKind.Integer => "Integer",
        TypeKind.Number => "Number",
        TypeKind.Boolean => "Boolean",
        _ => null,
    };

    /// <summary>Writes a property that is not a scalar (see <see cref="ScalarWriter"/>) whose value <paramref name="expression"/> is not null.</summary>
    private static void WriteNamedValue(SourceWriter writer, string name, string expression, TypeSpec type, string ns)
    {
        switch (type.Kind)
        {
            case TypeKind.Enum:
                writer.WriteLine($"writer.WriteString({name}, {TypeSyntax.Helper(type, ns)}.ToWireValue({expression}, {name}));");
                break;
            default:
                writer.WriteLine($"writer.WritePropertyName({name});");
                WriteValue(writer, expression, type, ns, depth: 1, name);
                break;
        }
    }

    /// <summary>Writes the extra properties after the declared ones; an extra property with a declared name is left out.</summary>
    private static void WriteAdditionalProperties(SourceWriter writer, RecordSpec record, string bag, string ns)
    {
        writer.WriteLine($"if ({bag} is not null)");
        WriteBlock(writer, () =>
        {
            writer.WriteLine($"foreach (var entry in {bag})");
            WriteBlock(writer, () =>
            {
                if (record.Properties.Count > 0)
                {
                    writer.WriteLine($"if ({DeclaredNamePattern(record, "entry.Key")})");
                    WriteBlock(writer, () => writer.WriteLine("continue;"));
                    writer.WriteLine();
                }

                writer.WriteLine("writer.WritePropertyName(entry.Key);");
                WriteValue(writer, "entry.Value", record.AdditionalProperties!, ns, depth: 2, "entry.Key");
            });
        });
    }

    /// <summary>A condition that is true when <paramref name="name"/> is one of the record's declared wire names.</summary>
    public static string DeclaredNamePattern(RecordSpec record, string name) =>
        $"{name} is {string.Join(" or ", record.Properties.Select(p => CSharpLiteral.String(p.WireName)))}";

    /// <summary>The non-null value of a nullable expression: <c>.Value</c> for the value types, the expression itself otherwise.</summary>
    private static string NonNull(string expression, TypeSpec type) => type.IsValueType ? expression + ".Value" : expression;

    /// <summary>The number, checked finite: JSON has no NaN or infinity, and the writer's own error names no argument.</summary>
    private static string Finite(string expression, string wireName) => $"{KnownTypes.ArgumentValues}.RequireFinite({expression}, {wireName})";

    private static string Variable(string name, int depth) => depth == 1 ? name : name + depth;

    private static void WriteBlock(SourceWriter writer, Action body)
    {
        writer.OpenBlock();
        body();
        writer.CloseBlock();
    }
}
