using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>A tool of a server and the C# types that represent its arguments and result.</summary>
/// <param name="WireName">The tool's name on the wire.</param>
/// <param name="Identifier">The tool's C# name: the method is <c>{Identifier}Async</c>, the descriptor field <c>Tools.{Identifier}</c>.</param>
/// <param name="Title">The tool's title, for documentation.</param>
/// <param name="Description">The tool's description, for documentation.</param>
/// <param name="Hints">The behaviour hints the server declared.</param>
/// <param name="Arguments">The arguments record; its properties are the method's parameters.</param>
/// <param name="ResultKind">How the result is typed.</param>
/// <param name="Result">The result record when <paramref name="ResultKind"/> is <see cref="ToolResultKind.Typed"/>.</param>
/// <param name="NestedRecords">Records for nested objects first used by this tool (the server's tools share them).</param>
/// <param name="Enums">Enums for string enumerations first used by this tool.</param>
/// <param name="Location">Where the tool's name is written in the snapshot, for diagnostics across servers.</param>
/// <param name="InputSchemaText">The input schema's JSON as the snapshot writes it: only tools several servers offer are
/// compared, and only they pay for its canonical form (see <c>ServerTool</c>).</param>
/// <param name="OutputSchemaText">The output schema's JSON as written, when the tool declares one.</param>
/// <param name="Unions">Unions first used by this tool.</param>
/// <param name="ScalarUnions">Scalar unions first used by this tool.</param>
internal sealed record ToolSpec(
    string WireName,
    string Identifier,
    string? Title,
    string? Description,
    ToolHintsSpec Hints,
    RecordSpec Arguments,
    ToolResultKind ResultKind,
    RecordSpec? Result,
    EquatableArray<RecordSpec> NestedRecords,
    EquatableArray<EnumSpec> Enums,
    SourceLocation Location,
    string InputSchemaText,
    string? OutputSchemaText,
    EquatableArray<UnionSpec> Unions = default,
    EquatableArray<ScalarUnionSpec> ScalarUnions = default)
{
    public string MethodName => Identifier + "Async";
}
