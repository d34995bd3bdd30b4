namespace McpFleet.Generator.Model;

/// <summary>A case of a <see cref="UnionSpec"/>: an object case's record, or a record holding a value of another type.</summary>
/// <param name="Name">The case record's name, nested in the union.</param>
/// <param name="Record">The object case's record (its <see cref="RecordSpec.Kind"/> is <see cref="RecordKind.UnionCase"/>).</param>
/// <param name="Value">The type of the value an other case holds in its <c>Value</c> property.</param>
/// <param name="RequiredWireNames">For an object case: the properties a JSON object must have to be read as this case.</param>
/// <param name="ConstantsJson">For an object case: (wire name, compact JSON) of the properties that must have that value when present.</param>
internal sealed record UnionCaseSpec(
    string Name,
    RecordSpec? Record,
    TypeSpec? Value,
    EquatableArray<string> RequiredWireNames,
    EquatableArray<(string WireName, string Json)> ConstantsJson);
