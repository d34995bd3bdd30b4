namespace McpFleet.Cli.Repl.Input;

/// <summary>Lines read as they come, from redirected input (a script, a pipe) or a terminal that echoes them itself.</summary>
internal sealed class ReaderLineInput(TextReader reader) : ILineInput
{
    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => reader.ReadLineAsync(cancellationToken);
}
