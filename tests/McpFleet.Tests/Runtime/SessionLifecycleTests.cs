using System.Diagnostics;
using McpFleet.Testing;
using ModelContextProtocol.Protocol;
using McpFleet.Tools;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// Sessions like a pool: an idle stdio session is closed (its process ends) and the next call opens a new one; warm
/// sessions stay open. Time is a <see cref="FakeTimeProvider"/>: the idle timeout passes when the test says so.
/// </summary>
public sealed class SessionLifecycleTests
{
    private static readonly TimeSpan s_idleTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_idle_stdio_session_is_closed_after_its_idle_time_and_reopened_by_the_next_call()
    {
        var name = $"idle-{Guid.NewGuid():N}";
        var time = new FakeTimeProvider();
        var options = TestServers.FastOptions(TestServers.Stdio(name, "--title", name));
        options.TimeProvider = time;
        options.Sessions.IdleTimeout = s_idleTimeout;
        using var idleClosed = new MetricRecorder("mcpfleet.sessions.idle_closed", "mcpfleet.server.name");
        await using var runtime = TestServers.Runtime(options, name);

        Assert.Equal("one", (await EchoAsync(runtime, name, "one")).Text);
        using var first = Process.GetProcessById(Assert.Single(ProcessTable.FindByCommandLine(name)));

        // Short of the idle timeout nothing closes: the timer has not fired, and firing is synchronous on a fake clock.
        time.Advance(s_idleTimeout - TimeSpan.FromSeconds(1));
        Assert.True(Status(runtime).IsConnected);

        time.Advance(TimeSpan.FromSeconds(1));
        await TestServers.EventuallyAsync(() => !Status(runtime).IsConnected, "the idle session is closed");
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await first.WaitForExitAsync(exited.Token);
        }

        Assert.Equal(1, Status(runtime).IdleClosedSessions);
        Assert.Equal(1, idleClosed[name]);

        Assert.Equal("two", (await EchoAsync(runtime, name, "two")).Text);
        var second = Assert.Single(ProcessTable.FindByCommandLine(name));
        Assert.NotEqual(first.Id, second);
        Assert.True(Status(runtime).IsConnected);
    }

    [Fact]
    public async Task A_call_in_flight_keeps_its_session_open_past_the_idle_time()
    {
        // The call stays in flight, provably on the server, until the test answers the server's question.
        var name = $"busy-{Guid.NewGuid():N}";
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<ElicitResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new FakeTimeProvider();
        var options = TestServers.FastOptions(TestServers.Stdio(name, "--tools", "ask_user"));
        options.TimeProvider = time;
        options.CallTimeout = Timeout.InfiniteTimeSpan;
        options.Sessions.IdleTimeout = s_idleTimeout;
        options.ClientFeatures.Elicitation.Handler = async (_, cancellationToken) =>
        {
            asked.TrySetResult();
            return await answer.Task.WaitAsync(cancellationToken);
        };
        await using var runtime = new FleetRuntime(options);

        var call = runtime.CallToolAsync<JsonToolArguments, RawToolResult>(
            new ToolDescriptor(name, "ask_user", ToolHints.None), JsonToolArguments.Parse("""{"question": "Proceed?"}"""));
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        time.Advance(s_idleTimeout + TimeSpan.FromSeconds(1));

        // The timer has fired (synchronously, on a fake clock) and found the session leased.
        Assert.True(Status(runtime).IsConnected);
        answer.SetResult(new ElicitResult { Action = "decline" });
        Assert.Equal("decline", (await call).StructuredContent!.Value.GetProperty("action").GetString());
        Assert.Equal(0, Status(runtime).IdleClosedSessions);

        // Idle from the end of the call on: closed once the timeout has passed since then.
        time.Advance(s_idleTimeout);
        await TestServers.EventuallyAsync(() => Status(runtime).IdleClosedSessions == 1, "the session is closed once idle");
    }

    [Fact]
    public async Task Warm_sessions_open_at_start_stay_open_when_idle_and_reopen_when_lost()
    {
        var service = $"warm-{Guid.NewGuid():N}";
        var spare = $"zspare-{Guid.NewGuid():N}"; // after the service by name: the service is the one instance kept warm
        var time = new FakeTimeProvider();
        var options = TestServers.FastOptions(TestServers.Stdio(service, "--title", service), TestServers.Stdio(spare, "--title", spare) with { ReplicaOf = service });
        options.TimeProvider = time;
        options.Sessions.IdleTimeout = s_idleTimeout;
        options.Sessions.WarmSessions = 1;
        await using var runtime = TestServers.Runtime(options, service);

        await runtime.StartAsync();
        await TestServers.EventuallyAsync(() => Status(runtime, service).IsConnected, "the warm session opens without a call");
        Assert.True(Status(runtime, service).IsWarm);
        Assert.False(Status(runtime, spare).IsWarm);
        Assert.False(Status(runtime, spare).IsConnected);

        await runtime.ListToolsAsync(spare);
        time.Advance(s_idleTimeout + TimeSpan.FromSeconds(1));
        await TestServers.EventuallyAsync(() => !Status(runtime, spare).IsConnected, "the spare's idle session is closed");

        var warm = Status(runtime, service);
        Assert.True(warm.IsConnected);
        Assert.Equal(0, warm.IdleClosedSessions);
        Assert.Equal(1, Status(runtime, spare).IdleClosedSessions);

        var lost = Assert.Single(ProcessTable.FindByCommandLine(service));
        using (var process = Process.GetProcessById(lost))
        {
            process.Kill();
        }

        await TestServers.EventuallyAsync(
            () => ProcessTable.FindByCommandLine(service) is [var next] && next != lost && Status(runtime, service).IsConnected, "the lost warm session is reopened without a call");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_idle_timeout_that_is_not_positive_is_refused_at_start(int seconds)
    {
        var options = TestServers.FastOptions(TestServers.Stdio("s"));
        options.Sessions.IdleTimeout = TimeSpan.FromSeconds(seconds);

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => TestServers.Runtime(options, "s"));
        Assert.Contains("IdleTimeout", error.Message, StringComparison.Ordinal);
    }

    private static Task<TextToolResult> EchoAsync(FleetRuntime runtime, string server, string message) =>
        runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(server), new(message));

    private static ServerStatus Status(FleetRuntime runtime) => Assert.Single(runtime.GetServerStatuses());

    private static ServerStatus Status(FleetRuntime runtime, string server) => runtime.GetServerStatuses().Single(status => status.Name == server);
}
