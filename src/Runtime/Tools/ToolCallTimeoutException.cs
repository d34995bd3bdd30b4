namespace McpFleet.Tools;

/// <summary>
/// No answer came within the call's deadline (<see cref="FleetOptions.CallTimeout"/>, the server's or the tool's): the
/// call was cancelled on the server, and whether the tool ran is unknown.
/// </summary>
public sealed class ToolCallTimeoutException : ToolOutcomeUnknownException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolCallTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolCallTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call of <paramref name="tool"/> that got no answer in time.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="timeout">The time limit that passed.</param>
    public ToolCallTimeoutException(ToolDescriptor tool, TimeSpan timeout)
        : this(tool?.ToolName ?? "", tool?.ServerName ?? "", null, [new(tool?.ServerName ?? "", CallDelivery.OutcomeUnknown, "no answer in time")], 0, timeout,
            $"Tool '{tool?.ToolName}' on server '{tool?.ServerName}' did not answer within {timeout.TotalSeconds:0.###} s.")
    {
    }

    /// <summary>Creates the exception for a call that got no answer in time.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="serverName">The logical server.</param>
    /// <param name="groupName">The unified tool's name when the call went through a unified method.</param>
    /// <param name="attempts">Every attempt, in order.</param>
    /// <param name="decisiveAttempt">The index of the attempt that got no answer.</param>
    /// <param name="timeout">The time limit that passed.</param>
    /// <param name="message">What went wrong; free of secrets.</param>
    public ToolCallTimeoutException(
        string toolName, string serverName, string? groupName, IReadOnlyList<ToolCallAttempt> attempts, int decisiveAttempt, TimeSpan timeout, string message)
        : base(toolName, serverName, groupName, OutcomeUnknownReason.Timeout, attempts, decisiveAttempt, message) => Timeout = timeout;

    /// <summary>The time limit that passed.</summary>
    public TimeSpan Timeout { get; }
}
