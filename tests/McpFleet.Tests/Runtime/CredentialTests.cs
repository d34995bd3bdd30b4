using System.Collections.Immutable;
using McpFleet.Connections;
using McpFleet.SampleServer.Launching;
using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.Runtime;

/// <summary>A credential goes to its own server only, and never into a log, an exception or a metric.</summary>
public sealed class CredentialTests
{
    private const string KeyA = "key-a-7d1c0f6e";
    private const string KeyB = "key-b-93ab4410";

    [Theory]
    [InlineData(SampleTransport.Http)]
    [InlineData(SampleTransport.Sse)]
    [InlineData(SampleTransport.WebSocket)]
    public async Task Each_server_receives_only_its_own_headers(SampleTransport transport)
    {
        string[] args = ["--tools", "request_headers", "echo"];
        await using var a = await SampleServerProcess.StartAsync("a", transport, args);
        await using var b = await SampleServerProcess.StartAsync("b", transport, args);
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(
                WithHeader(TestServers.Remote("a", a), transport, "X-Api-Key", KeyA),
                WithHeader(TestServers.Remote("b", b), transport, "X-Api-Key", KeyB)),
            "a", "b");

        var seenByA = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "a"));
        var seenByB = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "b"));

        Assert.Equal(KeyA, seenByA["x-api-key"]);
        Assert.Equal(KeyB, seenByB["x-api-key"]);
        Assert.DoesNotContain(KeyB, string.Join(' ', seenByA.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, string.Join(' ', seenByB.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_provider_supplies_a_fresh_token_to_its_server_only()
    {
        var issued = 0;
        await using var a = await SampleServerProcess.StartAsync("a", SampleTransport.Http, ["--tools", "request_headers"]);
        await using var b = await SampleServerProcess.StartAsync("b", SampleTransport.Http, ["--tools", "request_headers"]);
        await using var runtime = TestServers.Runtime(
            TestServers.FastOptions(
                TestServers.Remote("a", a) with { TokenProvider = _ => ValueTask.FromResult($"rotating-{Interlocked.Increment(ref issued)}") },
                TestServers.Remote("b", b)),
            "a", "b");

        var first = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "a"))["authorization"];
        var second = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "a"))["authorization"];
        var other = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "b"));

        Assert.Matches("^Bearer rotating-[0-9]+$", first);
        Assert.NotEqual(first, second);
        Assert.False(other.ContainsKey("authorization"));
    }

    [Fact]
    public async Task A_rejected_credential_is_in_no_log_exception_or_metric()
    {
        await using var guarded = await SampleServerProcess.StartAsync(
            "guarded", SampleTransport.Http, ["--auth-token-env", "GUARD"], new Dictionary<string, string> { ["GUARD"] = "the-real-token-1234" });
        var logs = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var metrics = new MetricRecorder("mcpfleet.tool.calls", "mcpfleet.server.name");
        var definition = TestServers.Remote("guarded", guarded) with
        {
            Headers = ImmutableDictionary<string, string>.Empty.Add("Authorization", $"Bearer {KeyA}"),
            Secrets = [KeyA, $"Bearer {KeyA}"],
        };
        await using var runtime = new FleetRuntime(TestServers.FastOptions(definition), new FleetManifest([SampleTools.Server("guarded")]), loggerFactory);

        var error = await Assert.ThrowsAsync<Tools.ToolNotSentException>(
            () => runtime.CallToolAsync<EchoArguments, Tools.TextToolResult>(SampleTools.Echo("guarded"), new("argument-secret-55")));

        Assert.Equal(ConnectionFailureKind.AuthenticationRejected, Assert.IsType<ServerConnectionException>(error.InnerException).Kind);
        Assert.DoesNotContain(KeyA, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Messages);
        Assert.All(logs.Messages, message =>
        {
            Assert.DoesNotContain(KeyA, message, StringComparison.Ordinal);
            Assert.DoesNotContain("argument-secret-55", message, StringComparison.Ordinal);
        });
        Assert.All(metrics.TagValues, tag => Assert.DoesNotContain(KeyA, tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_a_server_prints_to_stderr_is_logged_with_its_secrets_masked()
    {
        var logs = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var leaky = McpFleet.Configuration.ServerDefinition.Stdio("leaky", "node", "-e", "console.error('my token is ' + process.env.API_TOKEN); setTimeout(() => process.exit(1), 200)") with
        {
            EnvironmentVariables = ImmutableDictionary<string, string>.Empty.Add("API_TOKEN", KeyB),
            Secrets = [KeyB],
        };
        await using var runtime = new FleetRuntime(TestServers.FastOptions(leaky), new FleetManifest([SampleTools.Server("leaky")]), loggerFactory);

        var error = await Assert.ThrowsAsync<Tools.ToolNotSentException>(
            () => runtime.CallToolAsync<EchoArguments, Tools.TextToolResult>(SampleTools.Echo("leaky"), new("hi")));

        Assert.Contains("my token is ***", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Messages, message => message.Contains("my token is ***", StringComparison.Ordinal));
        Assert.All(logs.Messages, message => Assert.DoesNotContain(KeyB, message, StringComparison.Ordinal));
    }

    private static McpFleet.Configuration.ServerDefinition WithHeader(McpFleet.Configuration.ServerDefinition server, SampleTransport transport, string name, string value) =>
        server with
        {
            Transport = transport switch
            {
                SampleTransport.Sse => McpFleet.Configuration.TransportKind.Sse,
                SampleTransport.WebSocket => McpFleet.Configuration.TransportKind.WebSocket,
                _ => McpFleet.Configuration.TransportKind.StreamableHttp,
            },
            Headers = ImmutableDictionary<string, string>.Empty.Add(name, value),
            Secrets = [value],
        };
}
