namespace McpFleet.Generator.Model;

/// <summary>The tool annotations a server declared; <see langword="null"/> where it declared nothing.</summary>
internal sealed record ToolHintsSpec(bool? ReadOnly, bool? Destructive, bool? Idempotent, bool? OpenWorld)
{
    public static ToolHintsSpec None { get; } = new(null, null, null, null);
}
