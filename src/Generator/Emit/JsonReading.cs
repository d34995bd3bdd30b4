using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the expressions that read result values with the runtime's <c>StructuredJson</c> helpers: no reflection, for
/// the same reason as <see cref="JsonWriting"/>, and errors that name the tool and the property.
/// </summary>
internal static class JsonReading
{
    private const string Helpers = KnownTypes.StructuredJson;

    /// <summary>The expression reading <paramref name="property"/> from the JSON object in the variable <paramref name="obj"/>.</summary>
    public static string Property(PropertySpec property, string obj, string ns)
    {
        var type = property.Type;
        var name = CSharpLiteral.String(property.WireName);
        var orNull = property.IsNullable ? "OrNull" : "";
        var nonNull = type with { IsNullable = false };
        if (type.AlsoReads != AlternateForms.None || type.Kind is TypeKind.Map or TypeKind.Union or TypeKind.ScalarUnion)
        {
            var csharp = TypeSyntax.Of(nonNull, ns, nullable: false);
            var getter = !property.IsNullable ? "GetValue" : nonNull.IsValueType ? "GetStructOrNull" : "GetClassOrNull";
            return $"{Helpers}.{getter}<{csharp}>({obj}, {name}, tool, {Reader(nonNull, ns)})";
        }

        return type.Kind switch
        {
            TypeKind.String => $"{Helpers}.GetString{orNull}({obj}, {name}, tool)",
            TypeKind.Integer => $"{Helpers}.GetInt64{orNull}({obj}, {name}, tool)",
            TypeKind.Number => $"{Helpers}.GetDouble{orNull}({obj}, {name}, tool)",
            TypeKind.Boolean => $"{Helpers}.GetBoolean{orNull}({obj}, {name}, tool)",
            TypeKind.Enum => $"{Helpers}.GetEnum{orNull}<{TypeSyntax.Of(type, ns, nullable: false)}>({obj}, {name}, tool, {TypeSyntax.Helper(type, ns)}.FromWireValue)",
            TypeKind.Record => $"{Helpers}.GetObject{orNull}<{TypeSyntax.Of(type, ns, nullable: false)}>({obj}, {name}, tool, {TypeSyntax.Of(type, ns, nullable: false)}.Read)",
            TypeKind.List => $"{Helpers}.GetList{orNull}<{TypeSyntax.Of(type.Item!, ns, type.Item!.IsNullable)}>({obj}, {name}, tool, {Reader(type.Item!, ns)})",
            _ => $"{Helpers}.GetElement{orNull}({obj}, {name}, tool)",
        };
    }

    /// <summary>The expression reading the extra properties of a record from the JSON object in <paramref name="obj"/>.</summary>
    public static string AdditionalProperties(RecordSpec record, string obj, string ns)
    {
        var item = record.AdditionalProperties!;
        var declared = record.Properties.Count == 0 ? "static name => false" : $"static name => {JsonWriting.DeclaredNamePattern(record, "name")}";
        return $"{Helpers}.GetAdditionalProperties<{TypeSyntax.Of(item, ns, item.IsNullable)}>({obj}, tool, {declared}, {Reader(item, ns)})";
    }

    /// <summary>A <c>Func&lt;JsonElement, ToolDescriptor, T&gt;</c> reading one value of <paramref name="type"/>.</summary>
    public static string Reader(TypeSpec type, string ns)
    {
        if (!type.IsNullable && type.AlsoReads == AlternateForms.None && type.Kind is TypeKind.Record or TypeKind.Union or TypeKind.ScalarUnion or TypeKind.Json)
        {
            // These readers already have the delegate's shape.
            return type.Kind == TypeKind.Json ? $"{Helpers}.ReadElement" : $"{TypeSyntax.Of(type, ns, nullable: false)}.Read";
        }

        var read = Value(type with { IsNullable = false }, "item", ns);

        // JSON null is checked first: the StructuredJson readers take a value of their kind.
        return type.IsNullable
            ? $"static (item, tool) => item.ValueKind == {KnownTypes.JsonValueKind}.Null ? null : {read}"
            : $"static (item, tool) => {read}";
    }

    /// <summary>The expression reading the JSON value in the variable <paramref name="value"/>.</summary>
    private static string Value(TypeSpec type, string value, string ns)
    {
        if (type.AlsoReads.HasFlag(AlternateForms.JsonString))
        {
            var inner = type with { AlsoReads = type.AlsoReads & ~AlternateForms.JsonString };
            return $"{Helpers}.ReadJsonText<{TypeSyntax.Of(inner, ns, nullable: false)}>({value}, tool, {Reader(inner, ns)})";
        }

        if (type.AlsoReads.HasFlag(AlternateForms.SingleItem))
        {
            return $"{Helpers}.ReadOneOrMany<{TypeSyntax.Of(type.Item!, ns, type.Item!.IsNullable)}>({value}, tool, {Reader(type.Item!, ns)})";
        }

        return type.Kind switch
        {
            TypeKind.String => $"{Helpers}.ReadString({value}, tool)",
            TypeKind.Integer => $"{Helpers}.ReadInt64({value}, tool)",
            TypeKind.Number => $"{Helpers}.ReadDouble({value}, tool)",
            TypeKind.Boolean => $"{Helpers}.ReadBoolean({value}, tool)",
            TypeKind.Enum => $"{Helpers}.ReadEnum<{TypeSyntax.Of(type, ns, nullable: false)}>({value}, tool, {TypeSyntax.Helper(type, ns)}.FromWireValue)",
            TypeKind.Record or TypeKind.Union or TypeKind.ScalarUnion => $"{TypeSyntax.Of(type, ns, nullable: false)}.Read({value}, tool)",
            TypeKind.List => $"{Helpers}.ReadList<{TypeSyntax.Of(type.Item!, ns, type.Item!.IsNullable)}>({value}, tool, {Reader(type.Item!, ns)})",
            TypeKind.Map => $"{Helpers}.ReadMap<{TypeSyntax.Of(type.Item!, ns, type.Item!.IsNullable)}>({value}, tool, {Reader(type.Item!, ns)})",
            _ => $"{Helpers}.ReadElement({value}, tool)",
        };
    }

    /// <summary>The expression reading a value of <paramref name="type"/> from <paramref name="value"/>, for union cases.</summary>
    public static string ValueOf(TypeSpec type, string value, string ns) =>
        type.IsNullable ? $"{value}.ValueKind == {KnownTypes.JsonValueKind}.Null ? null : {Value(type with { IsNullable = false }, value, ns)}" : Value(type, value, ns);
}
