using Spectre.Console;

namespace McpFleet.Cli.Repl.Output;

/// <summary>A terminal: tables with borders, health and outcomes in colour, errors in red.</summary>
internal sealed class TerminalRenderer(IAnsiConsole output, IAnsiConsole error, SecretMask secrets) : IReplRenderer
{
    public void Render(VerbResult result)
    {
        foreach (var block in result.Blocks)
        {
            switch (block)
            {
                case TableBlock table:
                    output.Write(CreateTable(table));
                    break;
                case TextBlock text:
                    output.MarkupLine(Styled(text.Text, text.Tone));
                    break;
            }
        }

        foreach (var problem in result.Problems)
        {
            error.MarkupLine($"[yellow]warning:[/] {Escape(problem)}");
        }
    }

    public void Error(string message) => error.MarkupLine($"[red]error:[/] {Escape(message)}");

    public void Progress(string message) => error.MarkupLine($"[grey]{Escape(message)}[/]");

    private Table CreateTable(TableBlock block)
    {
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        if (block.Title is not null)
        {
            table.Title($"[bold]{Escape(block.Title)}[/]");
        }

        foreach (var column in block.Columns)
        {
            table.AddColumn(new TableColumn($"[bold]{Escape(column)}[/]"));
        }

        foreach (var row in block.Rows)
        {
            table.AddRow([.. row.Select(cell => new Markup(Styled(cell.Text, cell.Tone)))]);
        }

        return table;
    }

    private string Styled(string text, Tone tone) => tone switch
    {
        Tone.Good => $"[green]{Escape(text)}[/]",
        Tone.Bad => $"[red]{Escape(text)}[/]",
        Tone.Muted => $"[grey]{Escape(text)}[/]",
        _ => Escape(text),
    };

    private string Escape(string text) => Markup.Escape(secrets.Redact(text));
}
