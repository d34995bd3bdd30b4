namespace McpFleet.Tools;

/// <summary>A call of a fleet tool failed; the derived type says how. Names the server and the tool.</summary>
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

    /// <summary>The fleet's name for the server.</summary>
    public string ServerName { get; } = "";

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; } = "";
}
