namespace McpFleet.Cli.Repl.Output;

/// <summary>What a piece of output means, which a terminal shows in colour.</summary>
internal enum Tone
{
    Normal,
    Good,
    Bad,
    Muted,
}
