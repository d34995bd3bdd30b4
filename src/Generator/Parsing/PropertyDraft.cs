using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>A property of an object schema while mapping; it gets its C# name with its record (<see cref="TypeNamer"/>).</summary>
/// <param name="Property">The property in the schema, for its wire name and the location of rename messages.</param>
/// <param name="Path">The property's schema path.</param>
/// <param name="Type">The property's type.</param>
/// <param name="IsRequired">Whether the schema requires it.</param>
/// <param name="Description">Its description.</param>
/// <param name="DefaultJson">Its default, as compact JSON.</param>
/// <param name="ConstJson">Its constant, as compact JSON: <c>const</c>, or an <c>enum</c> of one value.</param>
/// <param name="AllowedValuesJson">Its allowed values, as compact JSON, when they are not a generated enum.</param>
internal sealed record PropertyDraft(
    JsonProperty Property,
    string Path,
    TypeDraft Type,
    bool IsRequired,
    string? Description,
    string? DefaultJson,
    string? ConstJson,
    EquatableArray<string> AllowedValuesJson)
{
    public string WireName => Property.Name;
}
