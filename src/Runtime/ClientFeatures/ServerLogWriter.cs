// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using System.Text.Json;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>
/// Writes one server's log messages to the application's logs, under the category <c>McpFleet.Servers.{server}</c>, with
/// the server's secrets masked and messages below the server's level dropped.
/// </summary>
internal sealed class ServerLogWriter(ServerDefinition server, ILogger logger, ServerLogLevels levels)
{
    /// <summary>A server's message is cut after this many characters: the application's log sinks are not the server's.</summary>
    public const int MaxMessageLength = 16 * 1024;

    public const string CategoryPrefix = "McpFleet.Servers.";

    public ValueTask WriteAsync(JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        LoggingMessageNotificationParams? message;
        try
        {
            message = notification.Params?.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(LoggingMessageNotificationParams))) as LoggingMessageNotificationParams;
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null)
        {
            ClientFeaturesLog.MalformedLogMessage(logger, server.Name);
            return default;
        }

        var level = ServerLogLevels.ToLogLevel(message.Level);
        if (level < (levels.For(server) ?? LogLevel.Trace) || !logger.IsEnabled(level))
        {
            return default;
        }

        var data = message.Data.ValueKind == JsonValueKind.String ? message.Data.GetString() ?? "" : message.Data.GetRawText();
        if (data.Length > MaxMessageLength)
        {
            data = string.Concat(data.AsSpan(0, MaxMessageLength), "… (cut)");
        }

        var source = SecretRedactor.Redact(message.Logger ?? server.Name, server.Secrets);
        var text = SecretRedactor.Redact(data, server.Secrets);
        ClientFeaturesLog.ServerMessage(logger, level, source, text);
        return default;
    }
}
