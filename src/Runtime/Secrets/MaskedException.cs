namespace McpFleet.Secrets;

/// <summary>
/// A copy of an exception whose text revealed a secret: the original type's name, its message and stack trace with every
/// secret masked, and its inner exceptions masked the same way. The original is not kept, so nothing reaches it.
/// </summary>
internal sealed class MaskedException : Exception
{
    private readonly string? _stackTrace;

    public MaskedException()
    {
        OriginalType = "";
    }

    public MaskedException(string message)
        : base(message)
    {
        OriginalType = "";
    }

    public MaskedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = "";
    }

    private MaskedException(string originalType, string message, string? stackTrace, Exception? inner)
        : base(message, inner)
    {
        OriginalType = originalType;
        _stackTrace = stackTrace;
    }

    /// <summary>The full name of the exception's original type.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    public static MaskedException From(Exception exception, FleetSecrets secrets)
    {
        var inner = exception.InnerException is { } cause ? From(cause, secrets) : null;
        var stackTrace = exception.StackTrace is { } trace ? secrets.Mask(trace) : null;
        return new MaskedException(exception.GetType().FullName ?? exception.GetType().Name, secrets.Mask(exception.Message), stackTrace, inner);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"{OriginalType}: {Message}";
        if (InnerException is not null)
        {
            text += $" ---> {InnerException}{Environment.NewLine}   --- End of inner exception stack trace ---";
        }

        return _stackTrace is null ? text : text + Environment.NewLine + _stackTrace;
    }
}
