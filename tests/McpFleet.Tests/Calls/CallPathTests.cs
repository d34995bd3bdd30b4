using System.Diagnostics;
using McpFleet.Configuration;
using McpFleet.Resilience;
using McpFleet.Routing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace McpFleet.Tests.Calls;

/// <summary>
/// The call path's contract on in-process servers over pipes and the fleet's clock: how far a request got decides what
/// is sent again and what the caller is told, one deadline bounds all attempts, a call that cannot be sent fails at
/// once, and a fleet disposed mid-call says what each call came to.
/// </summary>
public sealed class CallPathTests(ITestOutputHelper output)
{
    private static readonly ToolHints s_destructive = new(ReadOnly: false, Destructive: true, Idempotent: false);
    private static readonly ToolHints s_readOnly = new(ReadOnly: true);
    private readonly TimerAwareFakeTimeProvider _time = new();

    [Fact]
    public async Task A_destructive_call_whose_attempt_timed_out_while_queued_was_not_sent_and_fails_over()
    {
        await using var busy = InProcessServer.WaitingEcho(readOnly: false);
        await using var spare = InProcessServer.Echo(readOnly: false);
        var options = Options(
            busy.Definition("svc") with { MaxConcurrency = 1, Priority = 1 },
            spare.Definition("svc-b") with { ReplicaOf = "svc" });
        options.Routing.DefaultStrategy = RoutingStrategies.Priority();
        options.Resilience.Tools["svc/echo"] = new ToolResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(2) };
        await using var runtime = Runtime(options, "svc");
        await runtime.ConnectAsync();
        var resent = new List<CallResentEventArgs>();
        runtime.CallResent += (_, e) => resent.Add(e);
        var tool = new ToolDescriptor("svc", "echo", s_destructive);

        // A call of another tool holds svc's only slot; echo waits for it, and its attempt times out there.
        var holding = runtime.CallToolAsync<NoArguments, TextToolResult>(new ToolDescriptor("svc", "hold", s_readOnly), new());
        await TestServers.EventuallyAsync(() => busy.Holds == 1, "the holding call runs on svc");
        var queued = runtime.CallToolAsync<EchoArguments, TextToolResult>(tool, new("second"));
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].OutstandingRequests == 2, "the second call waits for svc");
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("second", (await queued.WaitAsync(TimeSpan.FromSeconds(60))).Text);
        Assert.Equal((0, 1), (busy.Calls, spare.Calls));
        var failover = Assert.Single(resent);
        Assert.Equal((ResendKind.Failover, "svc", false), (failover.Kind, failover.ServerName, failover.MayHaveRun));
        Assert.Contains("still waiting for a turn (not sent)", failover.Reason, StringComparison.Ordinal);
        busy.Release.SetResult();
        Assert.Equal("held", (await holding).Text);
    }

    [Fact]
    public async Task A_destructive_call_whose_attempt_timed_out_while_connecting_was_not_sent_and_fails_over()
    {
        await using var spare = InProcessServer.Echo(readOnly: false);
        var options = Options(
            ServerDefinition.Custom("svc", () => new HangingTransport()) with { Priority = 1, ProtocolVersion = "2025-11-25" },
            spare.Definition("svc-b") with { ReplicaOf = "svc" });
        options.Routing.DefaultStrategy = RoutingStrategies.Priority();
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
        await using var runtime = Runtime(options, "svc");
        var resent = new List<CallResentEventArgs>();
        runtime.CallResent += (_, e) => resent.Add(e);

        var call = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("svc", "echo", s_destructive), new("once"));
        await TestServers.EventuallyAsync(() => _time.PendingTimers > 0 && runtime.GetServerStatuses()[0].OutstandingRequests == 1, "the call waits for svc's session");
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("once", (await call.WaitAsync(TimeSpan.FromSeconds(60))).Text);
        Assert.Equal(1, spare.Calls);
        var failover = Assert.Single(resent);
        Assert.Equal((ResendKind.Failover, "svc", false), (failover.Kind, failover.ServerName, failover.MayHaveRun));
        Assert.Contains("still connecting (not sent)", failover.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_refused_by_an_open_circuit_with_no_other_replica_fails_at_once_without_backoff()
    {
        var options = Options(ServerDefinition.Custom("svc", () => new RefusingTransport()) with { ProtocolVersion = "2025-11-25" });
        options.Resilience.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromMinutes(1) };
        await using var runtime = Runtime(options, "svc");
        Task<TextToolResult> CallAsync() => runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("svc", "echo", s_readOnly), new("hi"));

        // Two calls the server refuses open its circuit. Nothing here advances the fleet's clock, so a call that waited
        // out a retry backoff (on that clock) would never end: each ending proves it did not wait.
        for (var i = 0; i < 2; i++)
        {
            var unreachable = await Assert.ThrowsAsync<ToolNotSentException>(() => CallAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal(NotSentReason.Unreachable, unreachable.Reason);
        }

        var stopwatch = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<ToolNotSentException>(() => CallAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        output.WriteLine($"The refused call took {stopwatch.Elapsed.TotalMilliseconds:0.0} ms of wall time (reported, not asserted).");

        Assert.Equal((NotSentReason.CircuitOpen, CallDelivery.NotSent, "svc"), (refused.Reason, refused.Delivery, refused.Replica));
        var attempt = Assert.Single(refused.Attempts);
        Assert.Contains("circuit breaker of server 'svc' is open", attempt.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_server_ends_the_call_at_the_overall_deadline_not_a_multiple_of_it()
    {
        await using var silent = InProcessServer.WaitingEcho(readOnly: true);
        var options = Options(silent.Definition("svc"));
        options.CallTimeout = TimeSpan.FromSeconds(10);
        await using var runtime = Runtime(options, "svc");
        await runtime.ConnectAsync();

        var call = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("svc", "echo", s_readOnly), new("hello?"));
        await TestServers.EventuallyAsync(() => silent.Calls == 1, "the call reaches the server");
        _time.Advance(TimeSpan.FromSeconds(10));

        // Ends without the clock moving again: no second attempt waits for another 10 s.
        var timeout = await Assert.ThrowsAsync<ToolCallTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal((TimeSpan.FromSeconds(10), CallDelivery.OutcomeUnknown, "svc"), (timeout.Timeout, timeout.Delivery, timeout.Replica));
        Assert.Single(timeout.Attempts);
        Assert.Equal(1, silent.Calls);
        await TestServers.EventuallyAsync(() => silent.Received("notifications/cancelled"), "the server is told to cancel the call");
    }

    [Fact]
    public async Task Disposing_the_fleet_ends_each_call_in_flight_with_its_true_delivery_and_tells_the_servers_to_cancel()
    {
        await using var reader = InProcessServer.WaitingEcho(readOnly: true);
        await using var writer = InProcessServer.WaitingEcho(readOnly: false);
        var options = Options(reader.Definition("reader") with { MaxConcurrency = 1 }, writer.Definition("writer"));
        var runtime = Runtime(options, "reader", "writer");
        await runtime.ConnectAsync();

        var read = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("reader", "echo", s_readOnly), new("read"));
        var write = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("writer", "echo", s_destructive), new("write"));
        await TestServers.EventuallyAsync(() => reader.Calls == 1 && writer.Calls == 1, "both calls reach their servers");
        var queued = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("reader", "echo", s_readOnly), new("queued"));
        await TestServers.EventuallyAsync(() => runtime.GetServerStatuses()[0].OutstandingRequests == 2, "the third call waits for the reader");

        await runtime.DisposeAsync();

        var readFailure = await Assert.ThrowsAsync<ToolOutcomeUnknownException>(() => read);
        var writeFailure = await Assert.ThrowsAsync<ToolOutcomeUnknownException>(() => write);
        var queuedFailure = await Assert.ThrowsAsync<ToolNotSentException>(() => queued);
        Assert.Equal((OutcomeUnknownReason.ShuttingDown, "reader"), (readFailure.Reason, readFailure.Replica));
        Assert.Equal((OutcomeUnknownReason.ShuttingDown, "writer"), (writeFailure.Reason, writeFailure.Replica));
        Assert.Equal((NotSentReason.ShuttingDown, "reader"), (queuedFailure.Reason, queuedFailure.Replica));
        Assert.All(new ToolException[] { readFailure, writeFailure, queuedFailure }, failure => Assert.Contains("shutting down", failure.Message, StringComparison.Ordinal));
        Assert.True(reader.Received("notifications/cancelled"), "the reader was told to cancel its call");
        Assert.True(writer.Received("notifications/cancelled"), "the writer was told to cancel its call");
        Assert.Equal(1, reader.Calls);
    }

    [Fact]
    public async Task Two_servers_tools_of_the_same_name_keep_their_own_resilience_settings()
    {
        await using var alpha = InProcessServer.WaitingEcho(readOnly: true);
        await using var beta = InProcessServer.WaitingEcho(readOnly: true);
        var options = Options(alpha.Definition("alpha"), beta.Definition("beta"));
        options.Resilience.Tools["alpha/echo"] = new ToolResilienceOptions { Timeout = TimeSpan.FromSeconds(1) };
        await using var runtime = Runtime(options, "alpha", "beta");
        await runtime.ConnectAsync();

        var fromAlpha = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("alpha", "echo", s_readOnly), new("a"));
        var fromBeta = runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("beta", "echo", s_readOnly), new("b"));
        await TestServers.EventuallyAsync(() => alpha.Calls == 1 && beta.Calls == 1, "both calls reach their servers");
        _time.Advance(TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<ToolCallTimeoutException>(() => fromAlpha.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.False(fromBeta.IsCompleted, "beta's echo keeps the fleet's 60 s deadline");
        beta.Release.SetResult();
        Assert.Equal("b", (await fromBeta).Text);
    }

    [Fact]
    public async Task No_exception_message_or_text_reveals_a_secret_of_any_server()
    {
        const string Secret = "tok-0123456789-very-secret";
        var options = Options(
            ServerDefinition.Custom("leaky", () => new RefusingTransport($"refused for {Secret}")) with { ProtocolVersion = "2025-11-25" },
            ServerDefinition.Remote("holder", new Uri("http://127.0.0.1:1/mcp")) with { Secrets = [Secret] });
        await using var runtime = Runtime(options, "leaky");

        var error = await Assert.ThrowsAsync<ToolNotSentException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("leaky", "echo", s_readOnly), new("hi")));

        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        Assert.All(error.Attempts, attempt => Assert.DoesNotContain(Secret, attempt.Outcome, StringComparison.Ordinal));
    }

    private FleetOptions Options(params ServerDefinition[] servers)
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true, TimeProvider = _time };
        options.Health.Enabled = false;
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        return options;
    }

    private static FleetRuntime Runtime(FleetOptions options, params string[] services) =>
        new(options, new FleetManifest([.. services.Select(service => new ServerDescriptor(service, "2025-11-25", [new ToolDescriptor(service, "echo", s_readOnly)]))]));

    /// <summary>A transport whose connection never opens until it is cancelled.</summary>
    private sealed class HangingTransport : IClientTransport
    {
        public string Name => "hanging";

        public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>A transport whose connection is refused at once.</summary>
    private sealed class RefusingTransport(string message = "connection refused") : IClientTransport
    {
        public string Name => "refusing";

        public Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) => Task.FromException<ITransport>(new IOException(message));
    }
}
