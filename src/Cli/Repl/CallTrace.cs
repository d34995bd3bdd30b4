namespace McpFleet.Cli.Repl;

/// <summary>Where the calls of one asynchronous flow went, from the runtime's measurements.</summary>
internal sealed class CallTrace
{
    /// <summary>The server that last answered a call successfully.</summary>
    public string? Server { get; set; }

    /// <summary>The strategy that last routed a call, if one was routed.</summary>
    public string? Strategy { get; set; }
}
