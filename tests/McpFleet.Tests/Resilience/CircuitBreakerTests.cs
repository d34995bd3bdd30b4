using McpFleet.Connections;
using McpFleet.Health;
using McpFleet.Resilience;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Resilience;

/// <summary>
/// Circuit breakers on real servers: a server's circuit opens on connection failures, makes it unhealthy, and after
/// the break (on the injected clock) lets a trial call through that closes it; a tool's circuit opens on that tool's
/// server errors and leaves the server's other tools alone.
/// </summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task A_servers_circuit_opens_half_opens_after_the_break_and_closes_on_success()
    {
        var time = new FakeTimeProvider();
        var service = $"breaker-{Guid.NewGuid():N}";
        var server = await SampleServerProcess.StartAsync(service, SampleTransport.Http);
        var port = server.Endpoint.Port;
        var options = TestServers.FastOptions(TestServers.Remote(service, server));
        options.TimeProvider = time;
        options.Health.Enabled = false;
        options.Resilience.Retry.MaxRetryAttempts = 0;
        options.Resilience.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) };
        await using var runtime = TestServers.Runtime(options, service);
        var circuit = new List<CircuitState>();
        runtime.CircuitStateChanged += (_, change) => circuit.Add(change.State);
        Task<TextToolResult> CallAsync() => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hi"));
        await CallAsync();

        await server.DisposeAsync();
        ToolNotSentException? refused = null;
        for (var attempt = 0; attempt < 5 && refused?.Reason != NotSentReason.CircuitOpen; attempt++)
        {
            refused = await Assert.ThrowsAsync<ToolNotSentException>(CallAsync);
        }

        Assert.Equal(NotSentReason.CircuitOpen, refused!.Reason);
        Assert.Equal([CircuitState.Open], circuit);
        Assert.Equal(ServerHealth.Unhealthy, runtime.GetServerStatuses()[0].Health);

        await using var restarted = await SampleServerProcess.StartAsync(service, SampleTransport.Http, port: port);
        var stillOpen = await Assert.ThrowsAsync<ToolNotSentException>(CallAsync);
        Assert.Equal(NotSentReason.CircuitOpen, stillOpen.Reason);

        // The break ends on the fleet's clock; so does the reconnection backoff.
        time.Advance(TimeSpan.FromSeconds(31));
        await TestServers.EventuallyAsync(async () =>
        {
            try
            {
                return (await CallAsync()).Text == "hi";
            }
            catch (ToolNotSentException)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return false;
            }
        }, "the trial call succeeds");

        Assert.Equal([CircuitState.Open, CircuitState.HalfOpen, CircuitState.Closed], circuit.Distinct());
        Assert.Equal(CircuitState.Closed, circuit[^1]);
        Assert.Equal(ServerHealth.Healthy, runtime.GetServerStatuses()[0].Health);
    }

    [Fact]
    public async Task A_tools_circuit_opens_on_its_server_errors_without_touching_the_servers_other_tools()
    {
        var service = $"tool-breaker-{Guid.NewGuid():N}";
        var options = TestServers.FastOptions(TestServers.Stdio(service, "--fail-rate", "1"));
        options.Resilience.Retry.MaxRetryAttempts = 0;
        options.Resilience.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 3, FailureRatio = 1, BreakDuration = TimeSpan.FromMinutes(5) };
        await using var runtime = TestServers.Runtime(options, service);
        var opened = new List<CircuitStateChangedEventArgs>();
        runtime.CircuitStateChanged += (_, change) => opened.Add(change);

        for (var i = 0; i < 3; i++)
        {
            var failed = await Assert.ThrowsAsync<ToolCallException>(
                () => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hi")));
            Assert.Contains("Injected failure", failed.Message, StringComparison.Ordinal);
        }

        var refused = await Assert.ThrowsAsync<ToolNotSentException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(service), new("hi")));
        var otherTool = await Assert.ThrowsAsync<ToolCallException>(
            () => runtime.CallToolAsync<MathCalcArguments, JsonToolResult>(SampleTools.MathCalc(service), new("1+1")));

        Assert.Equal(NotSentReason.CircuitOpen, refused.Reason);
        Assert.Contains("Injected failure", otherTool.Message, StringComparison.Ordinal);
        var open = Assert.Single(opened);
        Assert.Equal((service, "echo", CircuitState.Open), (open.ServerName, open.ToolName, open.State));
        Assert.Equal(ServerHealth.Healthy, runtime.GetServerStatuses()[0].Health);
    }
}
