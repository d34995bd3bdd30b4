namespace McpFleet.Generator.Model;

/// <summary>A property of an object schema, as a record property and, for arguments, a method parameter.</summary>
/// <param name="WireName">The property's name in JSON.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="ParameterName">The C# parameter name, without <c>@</c>; only for a tool's top-level arguments.</param>
/// <param name="Type">The property's type.</param>
/// <param name="IsRequired">Whether the schema lists the property as required.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="DefaultJson">The schema's <c>default</c>, as compact JSON: documented, never applied.</param>
/// <param name="ConstJson">The schema's <c>const</c>, as compact JSON.</param>
/// <param name="AllowedValuesJson">The schema's <c>enum</c> values, as compact JSON, when they are not a generated enum.</param>
/// <param name="IsFixed">
/// Whether the property is a union case's constant (<c>"type": {"const": "insert"}</c>): a read-only property that is
/// always written, since the case implies it.
/// </param>
internal sealed record PropertySpec(
    string WireName,
    string Name,
    string? ParameterName,
    TypeSpec Type,
    bool IsRequired,
    string? Description,
    string? DefaultJson,
    string? ConstJson,
    EquatableArray<string> AllowedValuesJson,
    bool IsFixed = false)
{
    /// <summary>Whether the C# type is nullable: the property may be absent or may be JSON null.</summary>
    public bool IsNullable => !IsFixed && (!IsRequired || Type.IsNullable);
}
