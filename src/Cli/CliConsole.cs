using Spectre.Console;

namespace McpFleet.Cli;

/// <summary>
/// Where the CLI writes. <see cref="Live"/> is set only on an interactive terminal: progress displays and colour go
/// there, while redirected output gets plain lines that scripts and CI logs can read.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole? Live)
{
    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, Console.IsOutputRedirected || Console.IsErrorRedirected ? null : AnsiConsole.Console);

    /// <summary>A console that writes plain text to the given writers, as when output is redirected.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error) => new(output, error, null);
}
