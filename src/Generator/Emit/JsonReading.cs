using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the expressions that read result properties with the runtime's <c>StructuredJson</c> helpers: no
/// reflection, for the same reason as <see cref="JsonWriting"/>, and errors that name the tool and the property.
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
        return type.Kind switch
        {
            TypeKind.String => $"{Helpers}.GetString{orNull}({obj}, {name}, tool)",
            TypeKind.Integer => $"{Helpers}.GetInt64{orNull}({obj}, {name}, tool)",
            TypeKind.Number => $"{Helpers}.GetDouble{orNull}({obj}, {name}, tool)",
            TypeKind.Boolean => $"{Helpers}.GetBoolean{orNull}({obj}, {name}, tool)",
            TypeKind.Enum => $"{Helpers}.GetEnum{orNull}<{TypeSyntax.Of(type, ns, nullable: false)}>({obj}, {name}, tool, {TypeSyntax.Helper(type, ns)}.FromWireValue)",
            TypeKind.Record => $"{Helpers}.GetObject{orNull}<{TypeSyntax.Of(type, ns, nullable: false)}>({obj}, {name}, tool, {TypeSyntax.Of(type, ns, nullable: false)}.Read)",
            TypeKind.List => $"{Helpers}.GetList{orNull}<{TypeSyntax.Of(type.Item!, ns, type.Item!.IsNullable)}>({obj}, {name}, tool, {ItemReader(type.Item!, ns)})",
            _ => $"{Helpers}.GetElement{orNull}({obj}, {name}, tool)",
        };
    }

    /// <summary>A <c>Func&lt;JsonElement, ToolDescriptor, T&gt;</c> reading one list item.</summary>
    private static string ItemReader(TypeSpec item, string ns)
    {
        if (!item.IsNullable && item.Kind is TypeKind.Record or TypeKind.Json)
        {
            // These readers already have the delegate's shape.
            return item.Kind == TypeKind.Record ? $"{TypeSyntax.Of(item, ns, nullable: false)}.Read" : $"{Helpers}.ReadElement";
        }

        var read = Value(item with { IsNullable = false }, "item", ns);

        // JSON null is checked first: the StructuredJson readers take a value of their kind.
        return item.IsNullable
            ? $"static (item, tool) => item.ValueKind == {KnownTypes.JsonValueKind}.Null ? null : {read}"
            : $"static (item, tool) => {read}";
    }

    /// <summary>The expression reading the JSON value in the variable <paramref name="value"/>.</summary>
    private static string Value(TypeSpec type, string value, string ns) => type.Kind switch
    {
        TypeKind.String => $"{Helpers}.ReadString({value}, tool)",
        TypeKind.Integer => $"{Helpers}.ReadInt64({value}, tool)",
        TypeKind.Number => $"{Helpers}.ReadDouble({value}, tool)",
        TypeKind.Boolean => $"{Helpers}.ReadBoolean({value}, tool)",
        TypeKind.Enum => $"{Helpers}.ReadEnum<{TypeSyntax.Of(type, ns, nullable: false)}>({value}, tool, {TypeSyntax.Helper(type, ns)}.FromWireValue)",
        TypeKind.Record => $"{TypeSyntax.Of(type, ns, nullable: false)}.Read({value}, tool)",
        TypeKind.List => $"{Helpers}.ReadList<{TypeSyntax.Of(type.Item!, ns, type.Item!.IsNullable)}>({value}, tool, {ItemReader(type.Item!, ns)})",
        _ => $"{Helpers}.ReadElement({value}, tool)",
    };
}
