namespace McpFleet.Generator.Parsing;

/// <summary>What a <see cref="TypeDefinition"/> generates.</summary>
internal enum DefinitionKind
{
    Record,
    Enum,
    Union,
    ScalarUnion,
}
