namespace McpFleet.Generator.Model;

/// <summary>Which ways a generated type crosses the wire, which decides the members it needs.</summary>
[Flags]
internal enum TypeUses
{
    None = 0,

    /// <summary>Used in arguments: written with <c>WriteTo</c>.</summary>
    Write = 1,

    /// <summary>Used in results: read with <c>Read</c>.</summary>
    Read = 2,
}
