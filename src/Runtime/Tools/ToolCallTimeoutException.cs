namespace McpFleet.Tools;

/// <summary>A tool call got no answer within its timeout; the call was cancelled on the server.</summary>
public sealed class ToolCallTimeoutException : ToolException
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

    /// <summary>Creates the exception for a call of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="timeout">The timeout that expired.</param>
    public ToolCallTimeoutException(ToolDescriptor tool, TimeSpan timeout)
        : base(tool, $"Tool '{tool?.ToolName}' on server '{tool?.ServerName}' did not answer within {timeout.TotalSeconds:0.###} s.") => Timeout = timeout;

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}
