using ModelContextProtocol;

namespace McpFleet.Tools;

/// <summary>
/// The server answered the call with a JSON-RPC error instead of a result: it refused the request (unknown tool,
/// invalid arguments) or failed while handling it (<see cref="ErrorCode"/> says which).
/// </summary>
public sealed class ToolCallException : ToolFailedException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolCallException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolCallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="cause">Why the call failed.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="errorCode">The JSON-RPC error code, when the server answered with an error.</param>
    public ToolCallException(ToolDescriptor tool, string cause, Exception? innerException = null, McpErrorCode? errorCode = null)
        : base(tool, $"Calling tool '{tool?.ToolName}' on server '{tool?.ServerName}' failed: {cause}", innerException) => ErrorCode = errorCode;

    /// <summary>The JSON-RPC error code, when the server answered with an error.</summary>
    public McpErrorCode? ErrorCode { get; }
}
