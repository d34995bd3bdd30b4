using McpFleet.Connections;

namespace McpFleet.Tools;

/// <summary>No member of a unified tool could be reached (or none is configured), so its call was not sent anywhere.</summary>
public sealed class ToolGroupUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ToolGroupUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ToolGroupUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ToolGroupUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="group"/>.</summary>
    /// <param name="group">The unified tool.</param>
    /// <param name="failures">Why each configured member could not be reached; empty when none is configured.</param>
    public ToolGroupUnavailableException(ToolGroupDescriptor group, IReadOnlyList<ServerConnectionException> failures)
        : base(failures is { Count: > 0 }
            ? $"No server offering tool '{group?.ToolName}' could be reached: {string.Join(" ", failures.Select(f => f.Message))}"
            : $"No server offering tool '{group?.ToolName}' is configured; it is offered by {string.Join(", ", group?.Members.Select(m => $"'{m.Tool.ServerName}'") ?? [])}.")
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
        Failures = failures;
    }

    /// <summary>The unified tool.</summary>
    public ToolGroupDescriptor? Group { get; }

    /// <summary>Why each configured member could not be reached.</summary>
    public IReadOnlyList<ServerConnectionException> Failures { get; } = [];
}
