namespace McpFleet.Cli.Repl;

/// <summary>
/// One command of the REPL, e.g. <c>call</c>. A verb is one class deriving from this one: <see cref="ReplVerbs"/> finds
/// it, <c>help</c> lists it, completion offers it, and <see cref="IsOneShot"/> makes it a command of its own.
/// </summary>
internal abstract class ReplVerb
{
    /// <summary>The word that runs the verb.</summary>
    public abstract string Name { get; }

    /// <summary>Other words that run it.</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>How to write it, e.g. <c>tools [server]</c>.</summary>
    public abstract string Usage { get; }

    /// <summary>What it does, in one line.</summary>
    public abstract string Summary { get; }

    /// <summary>Whether <c>mcpfleet {Name} …</c> runs the verb once and exits, for scripts.</summary>
    public virtual bool IsOneShot => false;

    /// <summary>Runs the verb.</summary>
    /// <exception cref="ReplException">It could not be carried out; the message says why.</exception>
    public abstract Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken);

    /// <summary>What the next word could be, for tab completion, given the words typed after the verb so far.</summary>
    public virtual IEnumerable<string> CompleteWord(ReplSession session, IReadOnlyList<string> previousWords) => [];
}
