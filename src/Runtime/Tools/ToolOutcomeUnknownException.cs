namespace McpFleet.Tools;

/// <summary>
/// A call of a tool that is not safe to repeat (neither read-only nor idempotent, or <c>Resend = Never</c>) failed after
/// its request may have reached the server: no answer in time, or the session ended first. Whether the tool ran is
/// unknown, and the call was not sent again; check the tool's effect before calling it again.
/// <see cref="Exception.InnerException"/> holds the failure.
/// </summary>
public sealed class ToolOutcomeUnknownException : ToolException
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

    /// <summary>Creates the exception for a call of <paramref name="tool"/> that failed with <paramref name="failure"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="failure">The failure after which the outcome is unknown.</param>
    public ToolOutcomeUnknownException(ToolDescriptor tool, ToolException failure)
        : base(
            tool,
            $"Whether tool '{tool?.ToolName}' ran on server '{tool?.ServerName}' is unknown, so the call was not sent again: {failure?.Message}",
            failure)
    {
    }
}
