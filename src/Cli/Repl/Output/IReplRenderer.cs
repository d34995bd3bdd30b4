namespace McpFleet.Cli.Repl.Output;

/// <summary>Shows what verbs produce: tables and colour on a terminal, plain text when redirected, or JSON for scripts.
/// Every string passes through the session's <see cref="SecretMask"/> first.</summary>
internal interface IReplRenderer
{
    /// <summary>Shows a verb's result; its problems go to the error output.</summary>
    void Render(VerbResult result);

    /// <summary>Shows why a line could not be carried out, as one line on the error output.</summary>
    void Error(string message);

    /// <summary>Shows a running call's progress as it arrives, as one line on the error output, so the result stays
    /// alone on the standard output.</summary>
    void Progress(string message);
}
