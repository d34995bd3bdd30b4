namespace McpFleet.Generator.Model;

/// <summary>The C# type of a value described by a schema.</summary>
/// <param name="Kind">The kind of type.</param>
/// <param name="IsNullable">Whether the schema allows JSON null.</param>
/// <param name="Name">The generated enum's, record's or union's name, in the server's namespace.</param>
/// <param name="HelperName">The generated enum's wire-value helper class.</param>
/// <param name="Item">The item type of a list, or the value type of a map.</param>
/// <param name="Namespace">
/// The namespace of the generated type when it is not the one the type is used in: a merged arguments record in the
/// fleet's namespace uses the types of each server's namespace.
/// </param>
/// <param name="AlsoReads">The other wire forms the value is read from.</param>
internal sealed record TypeSpec(
    TypeKind Kind,
    bool IsNullable,
    string? Name = null,
    string? HelperName = null,
    TypeSpec? Item = null,
    string? Namespace = null,
    AlternateForms AlsoReads = AlternateForms.None)
{
    public TypeSpec AsNullable() => this with { IsNullable = true };

    /// <summary>Whether the C# type is a value type, whose nullable form is <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind is TypeKind.Integer or TypeKind.Number or TypeKind.Boolean or TypeKind.Enum or TypeKind.Json or TypeKind.ScalarUnion;

    /// <summary>Whether the type is generated in the server's namespace.</summary>
    public bool IsGenerated => Kind is TypeKind.Enum or TypeKind.Record or TypeKind.Union or TypeKind.ScalarUnion;
}
