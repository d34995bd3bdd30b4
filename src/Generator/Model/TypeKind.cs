namespace McpFleet.Generator.Model;

/// <summary>The C# types a schema can map to.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Number,
    Boolean,

    /// <summary><c>System.Text.Json.JsonElement</c>: any JSON value, for a schema that allows any, or one without a typed form.</summary>
    Json,

    /// <summary>A generated enum for a string enumeration.</summary>
    Enum,

    /// <summary>A generated record for an object with properties.</summary>
    Record,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> of <see cref="TypeSpec.Item"/>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> of <see cref="TypeSpec.Item"/>: an object used as a map.</summary>
    Map,

    /// <summary>A generated abstract record with one nested record per case, for a union with an object or array case.</summary>
    Union,

    /// <summary>A generated struct with one property per case, for a union of strings, numbers and booleans.</summary>
    ScalarUnion,
}
