using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>The tool ran and reported an error (<c>isError: true</c>); its error content is kept.</summary>
public sealed class ToolErrorException : ToolFailedException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolErrorException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error result of <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool that was called.</param>
    /// <param name="result">The result, with <c>isError: true</c>.</param>
    public ToolErrorException(ToolDescriptor tool, CallToolResult result)
        : this(tool, result, static text => text)
    {
    }

    /// <summary>Creates the exception with the error text passed through <paramref name="redact"/>, which masks secrets.</summary>
    internal ToolErrorException(ToolDescriptor tool, CallToolResult result, Func<string, string> redact)
        : base(tool, redact($"Tool '{tool?.ToolName}' on server '{tool?.ServerName}' reported an error: {ToolResultText.Join(result?.Content ?? [])}"))
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>The error result as the server sent it.</summary>
    public CallToolResult? Result { get; }

    /// <summary>The error's content blocks.</summary>
    public IList<ContentBlock> Content => Result?.Content ?? [];
}
