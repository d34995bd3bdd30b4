using System.Text.Json;
using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from revision 2026-07-28 on; it is what these servers use.

namespace McpFleet.Tests.ClientFeatures;

/// <summary>Servers' log messages land in the application's logs, per server, masked and filtered by level.</summary>
public sealed class ServerLogTests
{
    [Fact]
    public async Task A_servers_message_is_logged_under_its_category_with_its_secrets_masked()
    {
        var logs = new LogRecorder();
        var alpha = ClientFleets.Sample("alpha", "send_log") with { Secrets = ["s3cr3t-token"] };
        await using var runtime = ClientFleets.Runtime(_ => { }, logs, alpha);

        await ClientFleets.CallAsync(runtime, "alpha", "send_log", """{"level": "warning", "message": "token s3cr3t-token expires soon"}""");
        var entry = await logs.WaitForAsync(entry => entry.Category == "McpFleet.Servers.alpha", "alpha's message");

        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("alpha: token *** expires soon", entry.Message);
    }

    [Fact]
    public async Task Everything_sends_its_simulated_messages_at_the_level_asked_for()
    {
        var logs = new LogRecorder();
        await using var runtime = ClientFleets.Runtime(features => features.ServerLogs.Servers["everything"] = LogLevel.Debug, logs, ClientFleets.Everything());

        await ClientFleets.CallAsync(runtime, "everything", "toggle-simulated-logging");
        var entry = await logs.WaitForAsync(entry => entry.Category == "McpFleet.Servers.everything" && entry.Message.Contains("-level message", StringComparison.Ordinal), "a simulated message");
        await ClientFleets.CallAsync(runtime, "everything", "toggle-simulated-logging");

        Assert.StartsWith("everything: ", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_below_the_servers_level_are_dropped_and_the_level_can_change()
    {
        var logs = new LogRecorder();
        var levels = new ServerLogLevels(new ServerLogOptions { MinimumLevel = LogLevel.Information });
        var server = ServerDefinition.Stdio("alpha", "unused");
        var writer = new ServerLogWriter(server, logs.CreateLogger("McpFleet.Servers.alpha"), levels);

        await writer.WriteAsync(Message(LoggingLevel.Debug, "debug"), default);
        await writer.WriteAsync(Message(LoggingLevel.Notice, "notice"), default);
        levels.Set("alpha", LogLevel.Error);
        await writer.WriteAsync(Message(LoggingLevel.Warning, "warning"), default);
        await writer.WriteAsync(Message(LoggingLevel.Alert, "alert"), default);
        levels.Set("alpha", LogLevel.None);
        await writer.WriteAsync(Message(LoggingLevel.Emergency, "emergency"), default);

        Assert.Equal(["Information alpha: notice", "Critical alpha: alert"], logs.OfServer("alpha").Select(entry => $"{entry.Level} {entry.Message}"));
    }

    [Fact]
    public async Task A_message_that_is_not_one_is_reported_and_dropped()
    {
        var logs = new LogRecorder();
        var writer = new ServerLogWriter(ServerDefinition.Stdio("alpha", "unused"), logs.CreateLogger("McpFleet.Servers.alpha"), new ServerLogLevels(new ServerLogOptions()));

        await writer.WriteAsync(new JsonRpcNotification { Method = NotificationMethods.LoggingMessageNotification, Params = JsonSerializer.SerializeToNode(new { level = 7 }) }, default);

        var entry = Assert.Single(logs.OfServer("alpha"));
        Assert.Equal("Server 'alpha' sent a log message that is not one; dropped.", entry.Message);
    }

    private static JsonRpcNotification Message(LoggingLevel level, string text) => new()
    {
        Method = NotificationMethods.LoggingMessageNotification,
        Params = JsonSerializer.SerializeToNode(new LoggingMessageNotificationParams { Level = level, Data = JsonSerializer.SerializeToElement(text) }, McpJsonUtilities.DefaultOptions),
    };
}
