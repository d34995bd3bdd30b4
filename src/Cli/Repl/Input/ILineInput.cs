namespace McpFleet.Cli.Repl.Input;

/// <summary>Where the REPL's lines come from.</summary>
internal interface ILineInput
{
    /// <summary>The next line, or <see langword="null"/> at the end of input.</summary>
    ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken);
}
