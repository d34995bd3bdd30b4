namespace McpFleet.Generator.Model;

/// <summary>The C# types a schema can map to.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Number,
    Boolean,

    /// <summary><c>System.Text.Json.JsonElement</c>: a schema without a typed form.</summary>
    Json,

    /// <summary>A generated enum for a string enumeration.</summary>
    Enum,

    /// <summary>A generated record for an object with properties.</summary>
    Record,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> of <see cref="TypeSpec.Item"/>.</summary>
    List,
}
