namespace McpFleet.Generator.Model;

/// <summary>A case of a <see cref="ScalarUnionSpec"/>: the property holding a value of one JSON kind.</summary>
/// <param name="Name">The property's name: <c>String</c>, <c>Integer</c>, <c>Number</c> or <c>Boolean</c> unless taken.</param>
/// <param name="Type">The value's type (not nullable).</param>
internal sealed record ScalarCaseSpec(string Name, TypeSpec Type);
