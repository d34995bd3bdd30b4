using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Logging is deprecated from revision 2026-07-28 on; clients of older revisions still take it.

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// The <c>send_log</c> tool: sends the client a log message (<c>notifications/message</c>) at a given level, before its
/// answer, so a client has it when the call returns. It does not filter by the client's level: the client's is tested.
/// </summary>
internal sealed class SendLogTool(string serverName)
{
    public McpServerTool Create() => McpServerTool.Create(SendAsync, new McpServerToolCreateOptions
    {
        Name = ToolNames.SendLog,
        Title = "Send a log message",
        Description = "Sends the client a log message at the given level (debug, info, notice, warning, error, critical, alert, emergency).",
        ReadOnly = true,
        Idempotent = true,
        Destructive = false,
        OpenWorld = false,
    });

    private async Task<string> SendAsync(
        McpServer server,
        [Description("The level: debug, info, notice, warning, error, critical, alert or emergency.")] string level,
        [Description("The message.")] string message,
        CancellationToken cancellationToken)
    {
        var parsed = level switch
        {
            "debug" => LoggingLevel.Debug,
            "info" => LoggingLevel.Info,
            "notice" => LoggingLevel.Notice,
            "warning" => LoggingLevel.Warning,
            "error" => LoggingLevel.Error,
            "critical" => LoggingLevel.Critical,
            "alert" => LoggingLevel.Alert,
            "emergency" => LoggingLevel.Emergency,
            _ => throw new McpException($"Unknown level '{level}'; use debug, info, notice, warning, error, critical, alert or emergency."),
        };
        await server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = parsed, Logger = serverName, Data = JsonSerializer.SerializeToElement(message, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string))) },
            cancellationToken: cancellationToken);
        return $"Sent a {level} message.";
    }
}
