using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>Writes the C# type for a <see cref="TypeSpec"/>.</summary>
internal static class TypeSyntax
{
    /// <param name="type">The type.</param>
    /// <param name="ns">The server's namespace, where generated enums and records live unless the type names its own.</param>
    /// <param name="nullable">Whether to write the nullable form.</param>
    public static string Of(TypeSpec type, string ns, bool nullable)
    {
        var name = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Integer => "long",
            TypeKind.Number => "double",
            TypeKind.Boolean => "bool",
            TypeKind.Enum or TypeKind.Record or TypeKind.Union or TypeKind.ScalarUnion => Generated(type.Namespace ?? ns, type.Name!),
            TypeKind.List => $"{KnownTypes.IReadOnlyList}<{Of(type.Item!, ns, type.Item!.IsNullable)}>",
            TypeKind.Map => $"{KnownTypes.IReadOnlyDictionary}<string, {Of(type.Item!, ns, type.Item!.IsNullable)}>",
            _ => KnownTypes.JsonElement,
        };
        return nullable ? name + "?" : name;
    }

    /// <summary>The wire-value helper class of a generated enum, qualified.</summary>
    public static string Helper(TypeSpec type, string ns) => Generated(type.Namespace ?? ns, type.HelperName!);

    /// <summary>A generated type, qualified: <c>global::MyApp.Weather.ForecastArguments</c>.</summary>
    public static string Generated(string ns, string name) => $"global::{ns}.{name}";
}
