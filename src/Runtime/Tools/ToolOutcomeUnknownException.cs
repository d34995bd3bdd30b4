namespace McpFleet.Tools;

/// <summary>
/// The call was sent but no answer came: whether the tool ran on <see cref="ToolException.Replica"/> is unknown. It was
/// sent again only where that is safe (a read-only or idempotent tool, or <c>Resend = Always</c>), and this is the
/// outcome after that; check the tool's effect before calling it again. <see cref="Reason"/> says why.
/// </summary>
public class ToolOutcomeUnknownException : ToolException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolOutcomeUnknownException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolOutcomeUnknownException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call whose outcome is unknown.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="serverName">The logical server.</param>
    /// <param name="groupName">The unified tool's name when the call went through a unified method.</param>
    /// <param name="reason">Why the outcome is unknown.</param>
    /// <param name="attempts">Every attempt, in order.</param>
    /// <param name="decisiveAttempt">The index of the attempt that may have run the tool.</param>
    /// <param name="message">What went wrong; free of secrets.</param>
    /// <param name="innerException">The cause, free of secrets.</param>
    public ToolOutcomeUnknownException(
        string toolName, string serverName, string? groupName, OutcomeUnknownReason reason, IReadOnlyList<ToolCallAttempt> attempts, int decisiveAttempt, string message, Exception? innerException = null)
        : base(toolName, serverName, groupName, attempts, message, innerException)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decisiveAttempt);
        Reason = reason;
        DecisiveIndex = decisiveAttempt;
    }

    /// <inheritdoc />
    public override CallDelivery Delivery => CallDelivery.OutcomeUnknown;

    /// <summary>Why the outcome is unknown.</summary>
    public OutcomeUnknownReason Reason { get; }

    private int DecisiveIndex { get; } = -1;

    private protected override int DecisiveAttempt => DecisiveIndex >= 0 ? DecisiveIndex : base.DecisiveAttempt;
}
