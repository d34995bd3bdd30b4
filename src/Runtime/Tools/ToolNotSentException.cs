namespace McpFleet.Tools;

/// <summary>
/// The call was not sent to any server: nothing ran, so calling again later is always safe. <see cref="Reason"/> says
/// why, <see cref="ToolException.Attempts"/> what each instance tried said.
/// </summary>
public class ToolNotSentException : ToolException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolNotSentException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolNotSentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call that no instance took.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="serverName">The logical server (empty for a unified tool none of whose members was tried).</param>
    /// <param name="groupName">The unified tool's name when the call went through a unified method.</param>
    /// <param name="reason">Why it was not sent.</param>
    /// <param name="attempts">Every attempt, in order; each one's request never left this process.</param>
    /// <param name="message">What went wrong; free of secrets.</param>
    /// <param name="innerException">The last attempt's cause, free of secrets.</param>
    public ToolNotSentException(
        string toolName, string serverName, string? groupName, NotSentReason reason, IReadOnlyList<ToolCallAttempt> attempts, string message, Exception? innerException = null)
        : base(toolName, serverName, groupName, attempts, message, innerException) => Reason = reason;

    /// <summary>Creates the exception for a tool refused before sending, with a message of its own.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="reason">Why it was not sent.</param>
    /// <param name="message">What went wrong; free of secrets.</param>
    private protected ToolNotSentException(ToolDescriptor tool, NotSentReason reason, string message)
        : base(tool, message) => Reason = reason;

    /// <inheritdoc />
    public override CallDelivery Delivery => CallDelivery.NotSent;

    /// <summary>Why the call was not sent.</summary>
    public NotSentReason Reason { get; }
}
