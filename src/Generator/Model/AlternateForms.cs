namespace McpFleet.Generator.Model;

/// <summary>
/// Other wire forms a value is read from besides its own. Values are always written in their own form, which the
/// schema allows; reading accepts what the schema also allows.
/// </summary>
[Flags]
internal enum AlternateForms
{
    None = 0,

    /// <summary>A list also reads a single item (<c>anyOf: [T, T[]]</c>) as a list of one.</summary>
    SingleItem = 1,

    /// <summary>An object or array also reads a JSON string holding it (<c>anyOf: [T, {"type": "string"}]</c>).</summary>
    JsonString = 2,
}
