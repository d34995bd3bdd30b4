namespace McpFleet.Generator.Model;

/// <summary>What a generated record is for.</summary>
internal enum RecordKind
{
    /// <summary>A tool's arguments: implements <c>IToolArguments</c>.</summary>
    Arguments,

    /// <summary>An object inside arguments or results: written with <c>WriteTo</c> and read with <c>Read</c>, as its <see cref="TypeUses"/> need.</summary>
    Nested,

    /// <summary>A tool's structured result: implements <c>IToolResult</c>.</summary>
    Result,

    /// <summary>A case of a union: a record nested in the union's abstract record and derived from it.</summary>
    UnionCase,
}
