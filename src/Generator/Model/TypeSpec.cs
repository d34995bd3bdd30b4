namespace McpFleet.Generator.Model;

/// <summary>The C# type of a value described by a schema.</summary>
/// <param name="Kind">The kind of type.</param>
/// <param name="IsNullable">Whether the schema allows JSON null.</param>
/// <param name="Name">The generated enum's or record's name, in the server's namespace.</param>
/// <param name="HelperName">The generated enum's wire-value helper class.</param>
/// <param name="Item">The item type of a list.</param>
/// <param name="Namespace">
/// The namespace of the generated enum or record when it is not the one the type is used in: a merged arguments record
/// in the fleet's namespace uses the types of each server's namespace.
/// </param>
internal sealed record TypeSpec(TypeKind Kind, bool IsNullable, string? Name = null, string? HelperName = null, TypeSpec? Item = null, string? Namespace = null)
{
    public TypeSpec AsNullable() => this with { IsNullable = true };
}
