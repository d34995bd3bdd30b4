namespace McpFleet.Configuration;

/// <summary>An <c>mcp.json</c> file that cannot be used: unreadable, not JSON, or not of the expected shape.</summary>
public sealed class McpConfigurationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public McpConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public McpConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public McpConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal McpConfigurationException(string? sourcePath, string message, Exception? innerException = null)
        : base(sourcePath is null ? message : $"{sourcePath}: {message}", innerException)
    {
        SourcePath = sourcePath;
    }

    /// <summary>The configuration file, when the configuration came from a file.</summary>
    public string? SourcePath { get; }
}
