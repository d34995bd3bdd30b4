namespace McpFleet.Generator.Model;

/// <summary>What a generated record is for.</summary>
internal enum RecordKind
{
    /// <summary>A tool's arguments: implements <c>IToolArguments</c>.</summary>
    Arguments,

    /// <summary>An object inside the arguments: written with <c>WriteTo</c>.</summary>
    NestedArguments,

    /// <summary>A tool's structured result: implements <c>IToolResult</c>.</summary>
    Result,

    /// <summary>An object inside the result: read with <c>Read</c>.</summary>
    NestedResult,
}
