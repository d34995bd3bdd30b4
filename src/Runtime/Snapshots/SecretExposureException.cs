namespace McpFleet.Snapshots;

/// <summary>
/// A server sent back one of the secrets configured for it (an environment value, a header or a substituted
/// variable) in what would have been written to a snapshot, so nothing was written.
/// </summary>
public sealed class SecretExposureException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SecretExposureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SecretExposureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SecretExposureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SecretExposureException(string serverName, string message)
        : base(message)
    {
        ServerName = serverName;
    }

    /// <summary>The fleet's name for the server.</summary>
    public string ServerName { get; } = "";
}
