namespace McpFleet.Cli.Repl.Output;

/// <summary>A piece of a verb's output for people: a table or text. Scripts get the verb's JSON instead.</summary>
internal abstract record OutputBlock;

/// <summary>A table; terminals draw it with borders, plain output aligns its columns.</summary>
/// <param name="Columns">The column headings.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
/// <param name="Title">A heading shown above the table, if any.</param>
internal sealed record TableBlock(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows, string? Title = null) : OutputBlock;

/// <summary>Text, shown as it is, line by line.</summary>
internal sealed record TextBlock(string Text, Tone Tone = Tone.Normal) : OutputBlock;
