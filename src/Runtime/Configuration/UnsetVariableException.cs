namespace McpFleet.Configuration;

/// <summary>A <c>${env:NAME}</c> reference to a variable that is not set: it makes one server unusable, not the whole
/// configuration.</summary>
internal sealed class UnsetVariableException : FormatException
{
    public UnsetVariableException()
    {
    }

    public UnsetVariableException(string message)
        : base(message)
    {
    }

    public UnsetVariableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
