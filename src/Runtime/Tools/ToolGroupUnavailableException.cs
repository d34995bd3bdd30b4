using McpFleet.Connections;

namespace McpFleet.Tools;

/// <summary>
/// None of the servers that could take a call (the members of a unified tool, or the instances of a server) could be
/// reached, or none is configured, so the call was not sent anywhere.
/// </summary>
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

    /// <summary>Creates the exception for a call of <paramref name="toolName"/>.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="servers">The servers (as the snapshots name them) that offer it.</param>
    /// <param name="failures">Why each server that was tried could not be reached; empty when none is configured.</param>
    public ToolGroupUnavailableException(string toolName, IReadOnlyList<string> servers, IReadOnlyList<ServerConnectionException> failures)
        : base(failures is { Count: > 0 }
            ? $"No server offering tool '{toolName}' could be reached: {string.Join(" ", failures.Select(f => f.Message))}"
            : $"No server offering tool '{toolName}' is configured; it is offered by {string.Join(", ", (servers ?? []).Select(s => $"'{s}'"))}.")
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(failures);
        ToolName = toolName;
        Servers = servers;
        Failures = failures;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; } = "";

    /// <summary>The servers (as the snapshots name them) that offer it.</summary>
    public IReadOnlyList<string> Servers { get; } = [];

    /// <summary>Why each configured member could not be reached.</summary>
    public IReadOnlyList<ServerConnectionException> Failures { get; } = [];
}
