namespace McpFleet.Generator.Model;

/// <summary>
/// A generated struct for a union of scalars (<c>"type": ["string", "number"]</c>): one nullable property per JSON
/// kind, set by a constructor or an implicit conversion, so any allowed value can be sent and read.
/// </summary>
/// <param name="Name">The struct's name in the server's namespace.</param>
/// <param name="SchemaPath">Where the schema is within the tool.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="Cases">The cases, one per JSON kind: the string case's type may be a generated enum.</param>
/// <param name="Uses">Which ways the struct crosses the wire.</param>
internal sealed record ScalarUnionSpec(string Name, string SchemaPath, string? Description, EquatableArray<ScalarCaseSpec> Cases, TypeUses Uses);
