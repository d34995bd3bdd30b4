namespace McpFleet.Generator.Parsing;

/// <summary>A case of a union while mapping: an object case's record, or a value of another type.</summary>
/// <param name="NameHint">What the case is called, if the schema says (a constant, a <c>$defs</c> key, a title).</param>
/// <param name="Record">The object case's record, owned by the union.</param>
/// <param name="Value">The value of a case that is not an object with properties.</param>
internal sealed record CaseDraft(string? NameHint, TypeDefinition? Record, TypeDraft? Value);
