using Spectre.Console;

namespace McpFleet.Cli;

/// <summary>
/// Where the CLI reads and writes. <see cref="Live"/> is set only on an interactive terminal: progress displays and
/// colour go there, while redirected output gets plain lines that scripts and CI logs can read.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole? Live)
{
    /// <summary>The commands typed or piped to <c>mcpfleet repl</c>.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Whether a person types at a terminal that also shows the output, so the REPL can edit lines and complete names.</summary>
    public bool IsInteractive { get; init; }

    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, Console.IsOutputRedirected || Console.IsErrorRedirected ? null : AnsiConsole.Console)
        {
            In = Console.In,
            IsInteractive = !Console.IsInputRedirected && !Console.IsOutputRedirected,
        };

    /// <summary>A console that writes plain text to the given writers, as when output is redirected.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, null) { In = input ?? TextReader.Null };
}
