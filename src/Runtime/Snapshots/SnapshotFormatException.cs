namespace McpFleet.Snapshots;

/// <summary>A snapshot file that is not valid JSON or not of the snapshot format.</summary>
public sealed class SnapshotFormatException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SnapshotFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SnapshotFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
