namespace McpFleet.Generator.Model;

/// <summary>
/// A generated union for <c>anyOf</c>/<c>oneOf</c> (or several types) with an object or array case: an abstract record
/// with a nested sealed record per case, and a case for values that match none (<see cref="UnknownName"/>), which keeps
/// the JSON, so that nothing the server sends is lost and anything it accepts can be sent.
/// </summary>
/// <param name="Name">The abstract record's name in the server's namespace.</param>
/// <param name="SchemaPath">Where the schema is within the tool.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="Cases">The cases in the order a value is matched against them.</param>
/// <param name="UnknownName">The name of the case for values that match no other case.</param>
/// <param name="Uses">Which ways the union crosses the wire.</param>
internal sealed record UnionSpec(string Name, string SchemaPath, string? Description, EquatableArray<UnionCaseSpec> Cases, string UnknownName, TypeUses Uses);
