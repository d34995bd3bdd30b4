namespace McpFleet.Cli.Repl.Output;

/// <summary>One value of a table row.</summary>
internal readonly record struct Cell(string Text, Tone Tone = Tone.Normal)
{
    public static implicit operator Cell(string text) => new(text);
}
