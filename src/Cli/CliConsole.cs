using McpFleet.Cli.Authentication;
using McpFleet.Configuration;
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

    /// <summary>Asks the user for the value of an <c>mcp.json</c> input (<c>${input:ID}</c>); by default it refuses, with
    /// a message that says why, as when input is redirected.</summary>
    public Func<McpInput, string> ReadInput { get; init; } = TerminalInput.Refuse;

    /// <summary>Opens a URL in the user's browser, for OAuth sign-in; <see langword="null"/>: the URL is only printed.</summary>
    public Func<Uri, CancellationToken, Task>? OpenBrowser { get; init; }

    /// <summary>Where OAuth tokens are kept between runs: <c>MCPFLEET_TOKEN_CACHE</c>, or <c>mcpfleet/oauth</c> in the
    /// user's local application data folder (<c>~/.local/share</c> on Linux) — never in the project.</summary>
    public string TokenCacheDirectory { get; init; } = DefaultTokenCacheDirectory();

    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, Console.IsOutputRedirected || Console.IsErrorRedirected ? null : AnsiConsole.Console)
        {
            In = Console.In,
            IsInteractive = !Console.IsInputRedirected && !Console.IsOutputRedirected,
            ReadInput = Console.IsInputRedirected || Console.IsErrorRedirected ? TerminalInput.Refuse : TerminalInput.Read,
            OpenBrowser = Console.IsOutputRedirected && Console.IsErrorRedirected ? null : SystemBrowser.OpenAsync,
        };

    private static string DefaultTokenCacheDirectory() =>
        Environment.GetEnvironmentVariable("MCPFLEET_TOKEN_CACHE") is { Length: > 0 } directory
            ? directory
            : Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "mcpfleet", "oauth");

    /// <summary>A console that writes plain text to the given writers, as when output is redirected.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, null) { In = input ?? TextReader.Null };
}
