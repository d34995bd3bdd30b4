namespace McpFleet.Generator.Model;

/// <summary>A member of a generated enum and the exact string it stands for on the wire.</summary>
internal sealed record EnumMemberSpec(string Name, string WireValue);
