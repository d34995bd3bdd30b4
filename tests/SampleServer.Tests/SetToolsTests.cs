using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

/// <summary><c>set_tools</c> changes the tool set at run time, and how a client of each protocol revision hears of it.</summary>
public class SetToolsTests
{
    private const string Latest = "2026-07-28";
    private const string Previous = "2025-11-25";
    private const string SubscriptionIdKey = "io.modelcontextprotocol/subscriptionId";

    private static readonly string[] s_args = ["--tools", "echo", "set_tools", "--allow-tool-changes", "--allow-run-command"];

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_named_tools_become_the_listed_and_callable_ones(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "xi", s_args);

        JsonElement result = await SetToolsAsync(server, "math_calc", "get_time");
        IList<McpClientTool> tools = await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);
        CallToolResult calculation = await server.Client.CallToolAsync(
            "math_calc", new Dictionary<string, object?> { ["expression"] = "6 × 7" }, cancellationToken: server.CancellationToken);
        McpProtocolException echo = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await server.Client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "gone" }, cancellationToken: server.CancellationToken));

        Assert.Equal("""{"tools":["get_time","math_calc","set_tools"]}""", result.GetRawText());
        Assert.Equal(["get_time", "math_calc", "set_tools"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        Assert.Equal(42, calculation.StructuredContent!.Value.GetProperty("result").GetDouble());
        Assert.Equal(McpErrorCode.InvalidParams, echo.ErrorCode);
    }

    [Fact]
    public async Task Unknown_names_are_a_tool_error_and_change_nothing()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "xi", ["--tools", "echo", "set_tools", "--allow-tool-changes"]);

        CallToolResult result = await CallSetToolsAsync(server, "math_calc", "nope", "run_command");
        IList<McpClientTool> tools = await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);

        Assert.True(result.IsError);
        // run_command stays out of reach without --allow-run-command.
        Assert.Contains(
            "Cannot enable 'nope', 'run_command'; the tools that can be enabled are: ask_model, ask_user, echo, get_time, list_files, list_roots, math_calc, request_headers, send_log.",
            Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text,
            StringComparison.Ordinal);
        Assert.Equal(["echo", "set_tools"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_tool_is_declared_destructive_and_not_idempotent()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "xi", ["--tools", "set_tools", "--allow-tool-changes"]);

        Tool tool = Assert.Single(await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken)).ProtocolTool;

        Assert.Equivalent(new { ReadOnlyHint = false, IdempotentHint = false, DestructiveHint = true, OpenWorldHint = false }, tool.Annotations);
    }

    /// <summary>Before 2026-07-28 a session-wide notification reaches every client that stays connected, unasked.</summary>
    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task On_the_previous_revision_the_client_is_notified_unasked(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "xi", s_args, protocolVersion: Previous);
        TaskCompletionSource<JsonRpcNotification> changed = Await(server.Client, NotificationMethods.ToolListChangedNotification);

        await SetToolsAsync(server, "get_time");

        await changed.Task.WaitAsync(server.CancellationToken);
        Assert.Equal(Previous, server.Client.NegotiatedProtocolVersion);
        Assert.True(server.Client.ServerCapabilities.Tools?.ListChanged);
    }

    /// <summary>
    /// On 2026-07-28 a client hears of changes only on a <c>subscriptions/listen</c> request it keeps open: the server acknowledges
    /// it with <c>notifications/subscriptions/acknowledged</c>, then sends each <c>notifications/tools/list_changed</c> tagged with
    /// the listen request's id, until the client cancels the request.
    /// </summary>
    [Theory]
    [InlineData(ServerTransportKind.Stdio)]
    [InlineData(ServerTransportKind.WebSocket)]
    public async Task On_the_latest_revision_the_client_is_notified_while_it_listens(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "xi", s_args, protocolVersion: Latest);
        TaskCompletionSource<JsonRpcNotification> acknowledged = Await(server.Client, NotificationMethods.SubscriptionsAcknowledgedNotification);
        TaskCompletionSource<JsonRpcNotification> changed = Await(server.Client, NotificationMethods.ToolListChangedNotification);
        using CancellationTokenSource listening = CancellationTokenSource.CreateLinkedTokenSource(server.CancellationToken);

        Task<EmptyResult> listen = server.Client.SendRequestAsync<SubscriptionsListenRequestParams, EmptyResult>(
            RequestMethods.SubscriptionsListen,
            new SubscriptionsListenRequestParams { Notifications = new SubscriptionsListenNotifications { ToolsListChanged = true } },
            cancellationToken: listening.Token).AsTask();
        JsonRpcNotification acknowledgement = await acknowledged.Task.WaitAsync(server.CancellationToken);
        await SetToolsAsync(server, "get_time");
        JsonRpcNotification notification = await changed.Task.WaitAsync(server.CancellationToken);
        var stillListening = !listen.IsCompleted;
        await listening.CancelAsync();

        Assert.Equal(Latest, server.Client.NegotiatedProtocolVersion);
        Assert.True(server.Client.ServerCapabilities.Tools?.ListChanged);
        Assert.True(acknowledgement.Params!["notifications"]!["toolsListChanged"]!.GetValue<bool>());
        Assert.Equal(SubscriptionId(acknowledgement), SubscriptionId(notification));
        Assert.True(stillListening, "The listen request stays open until the client cancels it.");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    [Theory]
    [InlineData(ServerTransportKind.Stdio)]
    [InlineData(ServerTransportKind.WebSocket)]
    public async Task On_the_latest_revision_a_client_that_does_not_listen_is_not_notified(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "xi", s_args, protocolVersion: Latest);
        TaskCompletionSource<JsonRpcNotification> changed = Await(server.Client, NotificationMethods.ToolListChangedNotification);

        await SetToolsAsync(server, "get_time");
        // One more round trip on the same connection: a notification sent with the change would have arrived before its answer.
        await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);

        Assert.False(changed.Task.IsCompleted);
    }

    /// <summary>
    /// On Streamable HTTP each 2026-07-28 request gets a server of its own, with no stream left open to send changes on: the
    /// server does not advertise <c>listChanged</c>, and answers <c>subscriptions/listen</c> at once, granting nothing.
    /// </summary>
    [Fact]
    public async Task On_streamable_http_at_the_latest_revision_list_changed_is_neither_offered_nor_granted()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Http, "xi", s_args, protocolVersion: Latest);
        TaskCompletionSource<JsonRpcNotification> acknowledged = Await(server.Client, NotificationMethods.SubscriptionsAcknowledgedNotification);

        await server.Client.SendRequestAsync<SubscriptionsListenRequestParams, EmptyResult>(
            RequestMethods.SubscriptionsListen,
            new SubscriptionsListenRequestParams { Notifications = new SubscriptionsListenNotifications { ToolsListChanged = true } },
            cancellationToken: server.CancellationToken);
        JsonRpcNotification acknowledgement = await acknowledged.Task.WaitAsync(server.CancellationToken);

        Assert.NotEqual(true, server.Client.ServerCapabilities.Tools?.ListChanged);
        Assert.Equal("{}", acknowledgement.Params!["notifications"]!.ToJsonString());
    }

    private static async Task<JsonElement> SetToolsAsync(ConnectedServer server, params string[] enabled)
    {
        CallToolResult result = await CallSetToolsAsync(server, enabled);
        Assert.NotEqual(true, result.IsError);
        return Assert.NotNull(result.StructuredContent);
    }

    private static async Task<CallToolResult> CallSetToolsAsync(ConnectedServer server, params string[] enabled) =>
        await server.Client.CallToolAsync("set_tools", new Dictionary<string, object?> { ["enabled"] = enabled }, cancellationToken: server.CancellationToken);

    /// <summary>Completes with the first notification of <paramref name="method"/> the client receives.</summary>
    private static TaskCompletionSource<JsonRpcNotification> Await(McpClient client, string method)
    {
        TaskCompletionSource<JsonRpcNotification> received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        // Lives as long as the client: the registration is disposed with it.
        _ = client.RegisterNotificationHandler(method, (notification, _) =>
        {
            received.TrySetResult(notification);
            return ValueTask.CompletedTask;
        });
        return received;
    }

    private static string SubscriptionId(JsonRpcNotification notification) =>
        notification.Params!["_meta"]![SubscriptionIdKey]!.ToJsonString();
}
