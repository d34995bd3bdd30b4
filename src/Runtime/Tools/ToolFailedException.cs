namespace McpFleet.Tools;

/// <summary>
/// The server received the call and answered with a failure: the tool reported an error
/// (<see cref="ToolErrorException"/>), the server refused the request (<see cref="ToolCallException"/>), or the result
/// does not match the tool's output schema (<see cref="ToolResultFormatException"/>). Such a call is never sent again.
/// </summary>
public abstract class ToolFailedException : ToolException
{
    /// <summary>Creates the exception with a default message.</summary>
    protected ToolFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    protected ToolFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    protected ToolFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ToolFailedException(ToolDescriptor tool, string message, Exception? innerException = null)
        : base(tool, message, innerException)
    {
    }

    /// <inheritdoc />
    public override CallDelivery Delivery => CallDelivery.Delivered;
}
