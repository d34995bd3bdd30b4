using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Resilience;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.Runtime;

/// <summary>The runtime's one entry point, against real sample servers over stdio and Streamable HTTP.</summary>
public sealed class FleetRuntimeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-runtime-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static FleetRuntime Runtime(FleetOptions options, params ServerDescriptor[] servers) => new(options, new FleetManifest(servers));

    private static FleetOptions Options(params ServerDefinition[] servers)
    {
        var options = new FleetOptions();
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        return options;
    }

    [Fact]
    public async Task Calls_tools_over_stdio_and_streamable_http()
    {
        await using var http = await SampleServerProcess.StartAsync("beta", SampleTransport.Http);
        await using var runtime = Runtime(
            Options(TestServers.Stdio("alpha"), new ServerDefinition { Name = "beta", Transport = TransportKind.StreamableHttp, Endpoint = http.Endpoint }),
            SampleTools.Server("alpha"),
            SampleTools.Server("beta"));

        var echo = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("alpha"), new("hello fleet"));
        var math = await runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("beta"), new("2 * (3 + 4) - -1"));

        Assert.Equal("hello fleet", echo.Text);
        Assert.Equal(15, math.Result);
        Assert.Equal("2 * (3 + 4) - -1", math.Expression);
        Assert.NotNull(math.RawResult.StructuredContent);
    }

    [Fact]
    public async Task A_tool_that_reports_an_error_raises_a_typed_exception_with_its_content()
    {
        await using var runtime = Runtime(Options(TestServers.Stdio("alpha")), SampleTools.Server("alpha"));

        var error = await Assert.ThrowsAsync<ToolErrorException>(
            () => runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("alpha"), new("1 / 0")));

        Assert.Equal("alpha", error.ServerName);
        Assert.Equal("math_calc", error.ToolName);
        Assert.StartsWith("Tool 'math_calc' on server 'alpha' reported an error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("ivision by zero", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Content);
    }

    [Fact]
    public async Task A_call_the_server_refuses_names_the_tool_and_the_server()
    {
        await using var runtime = Runtime(Options(TestServers.Stdio("alpha", "--tools", "echo")), SampleTools.Server("alpha"));

        var error = await Assert.ThrowsAsync<ToolCallException>(
            () => runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("alpha"), new("1")));

        Assert.StartsWith("Calling tool 'math_calc' on server 'alpha' failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tool 'math_calc' is not enabled on server 'alpha'", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelContextProtocol.McpErrorCode.InvalidParams, error.ErrorCode);
    }

    [Fact]
    public async Task A_slow_call_times_out_with_a_typed_exception()
    {
        var options = Options(TestServers.Stdio("slow", "--latency-ms", "30000"));
        options.CallTimeout = TimeSpan.FromMilliseconds(500);
        await using var runtime = Runtime(options, SampleTools.Server("slow"));
        await runtime.ConnectAsync();

        var error = await Assert.ThrowsAsync<ToolCallTimeoutException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("slow"), new("hi")));

        Assert.Equal("Tool 'echo' on server 'slow' did not answer within 0.5 s.", error.Message);
        Assert.Equal((CallDelivery.OutcomeUnknown, "slow"), (error.Delivery, error.Replica));
    }

    [Fact]
    public async Task A_read_only_call_lost_with_its_server_is_sent_again_to_the_restarted_server()
    {
        // The process exits after its second call, before answering it: echo is read-only, so the call is sent again.
        var journal = Path.Join(_directory, "fragile.jsonl");
        await using var runtime = Runtime(Options(TestServers.Stdio("fragile", "--exit-after", "2", "--journal", journal)), SampleTools.Server("fragile"));
        var resent = new List<CallResentEventArgs>();
        runtime.CallResent += (_, e) => resent.Add(e);

        var first = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("fragile"), new("first"));
        var second = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("fragile"), new("second"));

        Assert.Equal(["first", "second"], [first.Text, second.Text]);
        Assert.Equal(3, TestServers.JournalLines(journal));
        var retry = Assert.Single(resent);
        Assert.Equal((ResendKind.Retry, "fragile", "echo", true), (retry.Kind, retry.ServerName, retry.ToolName, retry.MayHaveRun));
        Assert.Contains("whether the tool ran is unknown", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_ends_every_server_process_it_started()
    {
        var marker = $"proc-{Guid.NewGuid():N}";
        var runtime = Runtime(Options(TestServers.Stdio(marker), TestServers.Stdio($"{marker}-2")), SampleTools.Server(marker, "2025-11-25"), SampleTools.Server($"{marker}-2", "2025-11-25"));

        IReadOnlyList<int> running;
        try
        {
            await runtime.ConnectAsync();
            running = ProcessTable.FindByCommandLine(marker);
        }
        finally
        {
            await runtime.DisposeAsync();
        }

        Assert.Equal(2, running.Count);
        Assert.Empty(ProcessTable.FindByCommandLine(marker));
    }

    [Fact]
    public async Task Connects_with_the_revision_the_snapshot_recorded()
    {
        // This server never answers the discovery probe, which costs the SDK's 5 s unpinned: more than the connect timeout.
        var options = Options(TestServers.Stdio("legacy", "--ignore-discover"));
        options.Connection.ConnectTimeout = TimeSpan.FromSeconds(3);
        options.Connection.DiscoverProbeTimeout = TimeSpan.FromSeconds(5);
        await using var pinned = Runtime(options, SampleTools.Server("legacy", "2025-11-25"));
        await using var unpinned = Runtime(options, SampleTools.Server("legacy"));

        var echo = await pinned.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("legacy"), new("pinned"));
        var error = await Assert.ThrowsAsync<ToolNotSentException>(
            () => unpinned.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("legacy"), new("unpinned")));

        Assert.Equal("pinned", echo.Text);
        Assert.Equal(NotSentReason.Unreachable, error.Reason);
        Assert.Equal(ConnectionFailureKind.Timeout, Assert.IsType<ServerConnectionException>(error.InnerException).Kind);
    }

    [Fact]
    public void Options_missing_a_server_of_the_manifest_are_rejected_at_start()
    {
        var error = Assert.Throws<ValidationException>(() => Runtime(Options(TestServers.Stdio("alpha")), SampleTools.Server("alpha"), SampleTools.Server("beta"), SampleTools.Server("gamma")));

        Assert.Equal("The fleet's typed proxies need servers 'beta', 'gamma', which are not configured (set AllowUnconfiguredServers to allow it); configured: alpha.", error.Message);
    }

    [Fact]
    public async Task A_partial_fleet_is_allowed_when_asked_for_and_names_what_is_missing_at_call_time()
    {
        var options = Options(TestServers.Stdio("alpha"));
        options.AllowUnconfiguredServers = true;
        await using var runtime = Runtime(options, SampleTools.Server("alpha"), SampleTools.Server("beta"));

        var error = await Assert.ThrowsAsync<ToolNotSentException>(
            () => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("beta"), new("hi")));

        Assert.Equal("Server 'beta' is not configured in this fleet; configured: alpha.", error.Message);
        Assert.Equal((NotSentReason.NoReplica, "beta"), (error.Reason, error.ServerName));
        Assert.Empty(error.Attempts);
    }

    [Fact]
    public async Task A_server_whose_variable_is_not_set_is_reported_at_start_and_its_calls_fail_with_the_reason_while_the_others_work()
    {
        var (command, arguments) = SampleServerProcess.StdioCommand("alpha");
        var configuration = McpConfiguration.Parse(
            $$"""
            {
              "servers": {
                "alpha": { "command": {{System.Text.Json.JsonSerializer.Serialize(command)}}, "args": {{System.Text.Json.JsonSerializer.Serialize(arguments)}} },
                "beta": { "url": "http://127.0.0.1:9/mcp", "headers": { "Authorization": "Bearer ${env:BETA_TOKEN}" } }
              }
            }
            """,
            "/cfg/mcp.json",
            _ => null);
        var logs = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        // beta is needed by the manifest: unavailable, it is reported, not "missing".
        await using var runtime = new FleetRuntime(FleetOptions.FromConfiguration(configuration), new FleetManifest([SampleTools.Server("alpha"), SampleTools.Server("beta")]), loggerFactory);
        var reason = "/cfg/mcp.json: server 'beta'.headers.Authorization: environment variable 'BETA_TOKEN' is not set.";
        Assert.Contains(logs.Messages, message => message.StartsWith($"Warning McpFleet.FleetRuntime: Server 'beta' is unavailable, and calls to it fail: {reason}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ToolNotSentException>(() => runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("beta"), new("hi")));
        var echo = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("alpha"), new("still here"));

        Assert.Equal($"Server 'beta' is unavailable: {reason}", error.Message);
        Assert.Equal(NotSentReason.NoReplica, error.Reason);
        Assert.Equal("still here", echo.Text);
    }

    [Fact]
    public async Task A_misspelled_server_gets_the_closest_name_suggested()
    {
        var options = Options(TestServers.Stdio("weather"), TestServers.Stdio("files"));
        options.AllowUnconfiguredServers = true;
        await using var runtime = Runtime(options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.ListToolsAsync("wheather"));

        Assert.Equal("Server 'wheather' is not configured in this fleet; configured: files, weather. Did you mean 'weather'?", error.Message);
    }

    [Fact]
    public void Invalid_timeouts_are_rejected_at_start()
    {
        var options = Options(TestServers.Stdio("alpha"));
        options.CallTimeout = TimeSpan.Zero;

        var error = Assert.Throws<ValidationException>(() => Runtime(options));

        Assert.Equal("CallTimeout must be positive or infinite; it is 00:00:00.", error.Message);
    }
}
