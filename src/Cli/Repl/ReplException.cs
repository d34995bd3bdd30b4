namespace McpFleet.Cli.Repl;

/// <summary>A command could not be carried out. Its message is the one line the user sees; the session goes on.</summary>
internal sealed class ReplException : Exception
{
    public ReplException()
    {
    }

    public ReplException(string message)
        : base(message)
    {
    }

    public ReplException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
