namespace McpFleet.Generator.Model;

/// <summary>A generated sealed record for an object schema.</summary>
/// <param name="Name">The record's name in the server's namespace (for a union case, in its union).</param>
/// <param name="Kind">What the record is for, which decides its serialization members.</param>
/// <param name="SchemaPath">Where the schema is within the tool, e.g. <c>inputSchema.properties.edits.items</c>.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="Properties">The properties in schema order.</param>
/// <param name="AdditionalProperties">
/// The type of the properties the schema allows beyond its declared ones, kept in a dictionary; <see langword="null"/>
/// when it allows none (<c>additionalProperties: false</c>).
/// </param>
/// <param name="AdditionalPropertiesName">The C# name of that dictionary property.</param>
/// <param name="Uses">Which ways a nested record or union case crosses the wire.</param>
internal sealed record RecordSpec(
    string Name,
    RecordKind Kind,
    string SchemaPath,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    TypeSpec? AdditionalProperties = null,
    string? AdditionalPropertiesName = null,
    TypeUses Uses = TypeUses.None);
