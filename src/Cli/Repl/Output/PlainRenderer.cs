using System.Globalization;

namespace McpFleet.Cli.Repl.Output;

/// <summary>Plain text for redirected output: tables as aligned columns under upper-case headings, no colour.</summary>
internal sealed class PlainRenderer(TextWriter output, TextWriter error, SecretMask secrets) : IReplRenderer
{
    private const string ColumnGap = "  ";

    public void Render(VerbResult result)
    {
        foreach (var block in result.Blocks)
        {
            switch (block)
            {
                case TableBlock table:
                    WriteTable(table);
                    break;
                case TextBlock text:
                    output.WriteLine(secrets.Redact(text.Text));
                    break;
            }
        }

        foreach (var problem in result.Problems)
        {
            error.WriteLine($"warning: {secrets.Redact(problem)}");
        }
    }

    public void Error(string message) => error.WriteLine($"error: {secrets.Redact(message)}");

    public void Progress(string message) => error.WriteLine(secrets.Redact(message));

    private void WriteTable(TableBlock table)
    {
        if (table.Title is not null)
        {
            output.WriteLine(secrets.Redact(table.Title));
        }

        List<string[]> lines =
        [
            [.. table.Columns.Select(column => column.ToUpper(CultureInfo.InvariantCulture))],
            .. table.Rows.Select(row => row.Select(cell => secrets.Redact(ServerFailures.OneLine(cell.Text))).ToArray()),
        ];
        var widths = Enumerable.Range(0, table.Columns.Count).Select(column => lines.Max(line => line[column].Length)).ToArray();
        foreach (var line in lines)
        {
            // The last column is not padded, so lines carry no trailing blanks.
            output.WriteLine(string.Join(ColumnGap, line.Select((cell, column) => column == line.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
