using Microsoft.Extensions.Logging;

namespace McpFleet.ClientFeatures;

/// <summary>The log messages of what servers ask of the fleet (source-generated): servers and causes, never content.</summary>
internal static partial class ClientFeaturesLog
{
    [LoggerMessage(EventId = 300, Message = "{Source}: {Message}")]
    public static partial void ServerMessage(ILogger logger, LogLevel level, string source, string message);

    [LoggerMessage(301, LogLevel.Warning, "Server '{Server}' sent a log message that is not one; dropped.")]
    public static partial void MalformedLogMessage(ILogger logger, string server);

    [LoggerMessage(302, LogLevel.Warning, "Could not set the log level of server '{Server}': {Cause}")]
    public static partial void SetLevelFailed(ILogger logger, string server, string cause);

    [LoggerMessage(303, LogLevel.Warning, "Could not tell server '{Server}' that the roots changed: {Cause}")]
    public static partial void RootsNoticeFailed(ILogger logger, string server, string cause);
}
