namespace McpFleet.Generator.Model;

/// <summary>A generated enum for a string enumeration, with a helper converting to and from the wire strings.</summary>
/// <param name="Name">The enum's name in the server's namespace.</param>
/// <param name="HelperName">The name of the internal static class with <c>ToWireValue</c> and <c>FromWireValue</c>.</param>
/// <param name="SchemaPath">Where the schema is within the tool.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="Members">The members, in the schema's order.</param>
internal sealed record EnumSpec(string Name, string HelperName, string SchemaPath, string? Description, EquatableArray<EnumMemberSpec> Members);
