namespace McpFleet.Generator.Model;

/// <summary>A generated sealed record for an object schema.</summary>
/// <param name="Name">The record's name in the server's namespace.</param>
/// <param name="Kind">What the record is for, which decides its serialization members.</param>
/// <param name="SchemaPath">Where the schema is within the tool, e.g. <c>inputSchema.properties.edits.items</c>.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="Properties">The properties in schema order.</param>
internal sealed record RecordSpec(string Name, RecordKind Kind, string SchemaPath, string? Description, EquatableArray<PropertySpec> Properties);
