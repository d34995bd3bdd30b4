using System.Text;

namespace McpFleet.Cli.Repl.Input;

/// <summary>
/// Reads lines from a person at a terminal, key by key: editing with the arrow keys, Home, End, Backspace, Delete and
/// Ctrl+U (erase to the start of the line, as in a shell), history with Up and Down, Tab completion of verbs, server,
/// tool and strategy names, and Ctrl+D on an empty line to end. Used only when input and output are a terminal; redirected input is read line by line.
/// </summary>
internal sealed class LineEditor(string prompt, Func<IReadOnlyList<string>, IEnumerable<string>> candidates) : ILineInput
{
    private const string EraseToEndOfLine = "\u001b[K";

    private readonly List<string> _history = [];

    // Console.ReadKey blocks, which is what a REPL waiting for its next line does anyway.
    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

    private string? ReadLine()
    {
        var line = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        Console.Write(prompt);
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.WriteLine();
                    var text = line.ToString();
                    if (!string.IsNullOrWhiteSpace(text) && (_history.Count == 0 || _history[^1] != text))
                    {
                        _history.Add(text);
                    }

                    return text;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && line.Length == 0:
                    Console.WriteLine();
                    return null;
                case ConsoleKey.U when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    line.Remove(0, cursor);
                    cursor = 0;
                    break;
                case ConsoleKey.Tab:
                    cursor = Complete(line, cursor);
                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    cursor = Replace(line, _history[--historyIndex]);
                    break;
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    cursor = Replace(line, ++historyIndex == _history.Count ? "" : _history[historyIndex]);
                    break;
                case ConsoleKey.Escape:
                    cursor = Replace(line, "");
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        line.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw(line, cursor);
        }
    }

    /// <summary>Fills in the word before the cursor as far as its completions agree; lists them when they do not.</summary>
    private int Complete(StringBuilder line, int cursor)
    {
        var completion = LineCompletion.Complete(line.ToString(0, cursor), candidates);
        var typed = cursor - completion.WordStart;
        if (completion.Matches.Count == 1)
        {
            var rest = completion.Matches[0][typed..] + " ";
            line.Insert(cursor, rest);
            return cursor + rest.Length;
        }

        var common = completion.CommonPrefix;
        if (common.Length > typed)
        {
            line.Insert(cursor, common[typed..]);
            return cursor + common.Length - typed;
        }

        if (completion.Matches.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine(string.Join("  ", completion.Matches));
        }

        return cursor;
    }

    private static int Replace(StringBuilder line, string text)
    {
        line.Clear().Append(text);
        return text.Length;
    }

    /// <summary>Writes the prompt and the line again over the old one, and puts the cursor back. Lines are assumed to
    /// fit the terminal's width, as commands do.</summary>
    private void Redraw(StringBuilder line, int cursor)
    {
        Console.Write($"\r{prompt}{line}{EraseToEndOfLine}");
        if (line.Length > cursor)
        {
            Console.Write($"\u001b[{line.Length - cursor}D");
        }
    }
}
