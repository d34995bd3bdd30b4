namespace McpFleet.Tools;

/// <summary>
/// A call of a fleet tool failed. The derived type says how far the request got (<see cref="Delivery"/>):
/// <see cref="ToolNotSentException"/> (it never left this process), <see cref="ToolFailedException"/> (the server
/// answered with a failure) or <see cref="ToolOutcomeUnknownException"/> (sent, no answer). Every one names the tool, the
/// logical server or unified tool, and each server instance tried with its attempt's outcome; its message, and the
/// messages of its inner exceptions, contain none of the fleet's secrets.
/// </summary>
public abstract class ToolException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    protected ToolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    protected ToolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    protected ToolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ToolException(ToolDescriptor tool, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ServerName = tool.ServerName;
        ToolName = tool.ToolName;
    }

    /// <summary>Creates the exception for a call that made <paramref name="attempts"/>.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="serverName">The logical server (for a unified tool, the member of the decisive attempt, or empty).</param>
    /// <param name="groupName">The unified tool's name when the call went through a unified method.</param>
    /// <param name="attempts">Every attempt, in order.</param>
    /// <param name="message">What went wrong; free of secrets.</param>
    /// <param name="innerException">The cause, free of secrets.</param>
    protected ToolException(string toolName, string serverName, string? groupName, IReadOnlyList<ToolCallAttempt> attempts, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(serverName);
        ArgumentNullException.ThrowIfNull(attempts);
        ToolName = toolName;
        ServerName = serverName;
        GroupName = groupName;
        Attempts = attempts;
    }

    /// <summary>How far the request got.</summary>
    public abstract CallDelivery Delivery { get; }

    /// <summary>The logical server: the snapshot server whose tool was called (for a unified tool, the member whose
    /// attempt decided the outcome; empty when none was tried).</summary>
    public string ServerName { get; private set; } = "";

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; private set; } = "";

    /// <summary>The unified tool's name when the call went through a unified method; otherwise <see langword="null"/>.</summary>
    public string? GroupName { get; private set; }

    /// <summary>Every attempt, in order: the server instance, how far its request got and what happened.</summary>
    public IReadOnlyList<ToolCallAttempt> Attempts { get; private set; } = [];

    /// <summary>The server instance whose attempt decided the outcome (for <see cref="ToolOutcomeUnknownException"/>, the
    /// one that may have run the tool); <see langword="null"/> when no instance was tried.</summary>
    public string? Replica => Attempts.Count == 0 ? null : Attempts[DecisiveAttempt].Replica;

    /// <summary>The index in <see cref="Attempts"/> of the attempt that decided the outcome: the last one by default.</summary>
    private protected virtual int DecisiveAttempt => Attempts.Count - 1;

    /// <summary>Completes an exception that code outside the call path created (e.g. a result read by generated code)
    /// with what the call path knows.</summary>
    internal void Describe(string serverName, string? groupName, IReadOnlyList<ToolCallAttempt> attempts)
    {
        ServerName = serverName;
        GroupName = groupName;
        Attempts = attempts;
    }
}
