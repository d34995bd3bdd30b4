namespace McpFleet.Tools;

/// <summary>A tool's result does not match the output schema its snapshot declared, so it cannot be typed.</summary>
public sealed class ToolResultFormatException : ToolFailedException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolResultFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolResultFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolResultFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a result of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="problem">What in the result does not match.</param>
    public ToolResultFormatException(ToolDescriptor tool, string problem)
        : base(tool, $"The result of tool '{tool?.ToolName}' on server '{tool?.ServerName}' does not match its output schema: {problem}")
    {
    }
}
