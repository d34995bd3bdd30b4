using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Caching;

/// <summary>
/// Result caching against real sample servers, counting the calls they execute in their journals: hits within the
/// time-to-live, expiry on the fleet's clock, tools that are not read-only, credentials, and replica groups.
/// </summary>
public sealed class ResultCachingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-cache-").FullName;
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Repeated_calls_within_the_time_to_live_run_once_and_other_arguments_run_again()
    {
        var journal = Journal("svc");
        await using var runtime = Runtime(TestServers.Stdio("svc", "--journal", journal));

        var first = await EchoAsync(runtime, "svc", "hello");
        var second = await EchoAsync(runtime, "svc", "hello");
        var third = await EchoAsync(runtime, "svc", "hello");
        var other = await EchoAsync(runtime, "svc", "other");

        Assert.Equal(["hello", "hello", "hello", "other"], [first.Text, second.Text, third.Text, other.Text]);
        Assert.Equal(2, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task The_order_arguments_are_written_in_does_not_matter()
    {
        var journal = Journal("svc");
        await using var runtime = Runtime(TestServers.Stdio("svc", "--variant", "echo-optional-param", "--journal", journal));

        var inOrder = await runtime.CallToolAsync<RepeatedEchoArguments, TextToolResult>(SampleTools.Echo("svc"), new("hi", 2));
        var reversed = await runtime.CallToolAsync<ReversedRepeatedEchoArguments, TextToolResult>(SampleTools.Echo("svc"), new(2, "hi"));

        Assert.Equal("hi hi", inOrder.Text);
        Assert.Equal("hi hi", reversed.Text);
        Assert.Equal(1, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task A_result_expires_when_the_fleet_clock_passes_its_time_to_live()
    {
        var journal = Journal("svc");
        await using var runtime = Runtime(TestServers.Stdio("svc", "--journal", journal), options => options.Caching.ToolTimeToLive["svc/echo"] = TimeSpan.FromSeconds(30));

        await EchoAsync(runtime, "svc", "tick");
        _time.Advance(TimeSpan.FromSeconds(29));
        await EchoAsync(runtime, "svc", "tick");
        Assert.Equal(1, TestServers.JournalLines(journal));

        _time.Advance(TimeSpan.FromSeconds(1));
        await EchoAsync(runtime, "svc", "tick");
        await EchoAsync(runtime, "svc", "tick");

        Assert.Equal(2, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task A_destructive_tool_is_never_cached_even_with_a_time_to_live()
    {
        var journal = Journal("svc");
        var logs = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var runtime = Runtime(
            TestServers.Stdio("svc", "--variant", "echo-destructive", "--journal", journal),
            options => options.Caching.ToolTimeToLive["svc/echo"] = TimeSpan.FromMinutes(10),
            loggerFactory);
        var destructiveEcho = new ToolDescriptor("svc", "echo", new ToolHints(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: false));

        for (var i = 0; i < 3; i++)
        {
            await runtime.CallToolAsync<EchoArguments, TextToolResult>(destructiveEcho, new("again"));
        }

        Assert.Equal(3, TestServers.JournalLines(journal));
        Assert.Single(logs.Messages, message => message.Contains("Tool 'echo' of 'svc' has a cache time-to-live but is not read-only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tool_error_is_not_cached()
    {
        var journal = Journal("svc");
        await using var runtime = Runtime(TestServers.Stdio("svc", "--journal", journal));

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ToolErrorException>(() => runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("svc"), new("1/0")));
        }

        var ok = await runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("svc"), new("6*7"));
        var cached = await runtime.CallToolAsync<MathCalcArguments, MathCalcResult>(SampleTools.MathCalc("svc"), new("6*7"));

        Assert.Equal(42, ok.Result);
        Assert.Equal(42, cached.Result);
        Assert.Equal(3, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task Calls_with_another_users_token_never_get_their_results()
    {
        var journal = Journal("svc");
        await using var server = await SampleServerProcess.StartAsync("svc", SampleTransport.Http, ["--tools", "request_headers", "--journal", journal]);
        var user = new AsyncLocal<string>();
        await using var runtime = Runtime(TestServers.Remote("svc", server) with { TokenProvider = _ => ValueTask.FromResult($"token-of-{user.Value}") });

        user.Value = "alice";
        var alice = Authorization(await RequestHeaders.CallAsync(runtime, "svc"));
        var aliceAgain = Authorization(await RequestHeaders.CallAsync(runtime, "svc"));
        Assert.Equal(1, TestServers.JournalLines(journal));

        user.Value = "bob";
        var bob = Authorization(await RequestHeaders.CallAsync(runtime, "svc"));
        var bobAgain = Authorization(await RequestHeaders.CallAsync(runtime, "svc"));

        Assert.Equal("Bearer token-of-alice", alice);
        Assert.Equal(alice, aliceAgain);
        Assert.Equal("Bearer token-of-bob", bob);
        Assert.Equal(bob, bobAgain);
        Assert.Equal(2, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task Calls_with_other_static_headers_never_get_each_others_results()
    {
        var journal = Journal("svc");
        await using var server = await SampleServerProcess.StartAsync("svc", SampleTransport.Http, ["--tools", "request_headers", "--journal", journal]);
        var definition = TestServers.Remote("svc", server) with { Headers = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("X-Api-Key", "key-one") };
        await using var runtime = Runtime(definition);

        var first = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "svc"))["x-api-key"];
        await runtime.RemoveServerAsync("svc");
        await runtime.AddServerAsync(definition with { Headers = definition.Headers.SetItem("X-Api-Key", "key-two") });
        var second = RequestHeaders.Headers(await RequestHeaders.CallAsync(runtime, "svc"))["x-api-key"];

        Assert.Equal(["key-one", "key-two"], [first, second]);
        Assert.Equal(2, TestServers.JournalLines(journal));
    }

    [Fact]
    public async Task One_entry_serves_every_replica_of_a_server_and_every_member_of_a_unified_tool()
    {
        // A journal each: processes appending to one file overwrite each other's lines.
        await using var runtime = Runtime(
            TestServers.Stdio("svc", "--journal", Journal("svc")),
            TestServers.Stdio("svc-2", "--journal", Journal("svc-2")) with { ReplicaOf = "svc" },
            TestServers.Stdio("other", "--journal", Journal("other")));
        var group = new ToolGroupDescriptor("echo", [new ToolGroupMember(SampleTools.Echo("svc")), new ToolGroupMember(SampleTools.Echo("other"))], ToolGroupResolution.Replicas);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("routed", (await EchoAsync(runtime, "svc", "routed")).Text);
            Assert.Equal("unified", (await runtime.CallToolAsync<EchoArguments, TextToolResult>(group, new("unified"))).Text);
        }

        // One execution for the server's method and one for the unified tool: the keys differ even for the same arguments.
        await EchoAsync(runtime, "svc", "unified");
        Assert.Equal(3, TestServers.JournalLines(Journal("svc")) + TestServers.JournalLines(Journal("svc-2")) + TestServers.JournalLines(Journal("other")));
    }

    [Fact]
    public async Task Hits_and_misses_are_counted_and_a_hit_is_traced_without_a_server_call()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        using var spans = new CallSpans();
        using var lookups = new MetricRecorder("mcpfleet.cache.lookups", "mcpfleet.cache.outcome");
        using var byServer = new MetricRecorder("mcpfleet.cache.lookups", "mcpfleet.server.name");
        await using var runtime = Runtime(TestServers.Stdio(service));

        await EchoAsync(runtime, service, "counted");
        await EchoAsync(runtime, service, "counted");
        await EchoAsync(runtime, service, "counted");

        var ours = spans.Stopped.Where(s => s.GetTagItem("mcpfleet.server.name") as string == service).ToList();
        Assert.Equal(2, ours.Count(s => s.GetTagItem("mcpfleet.cache.hit") is true));
        Assert.Single(ours, s => s.GetTagItem("mcpfleet.cache.hit") is null);
        Assert.Equal(3, byServer[service]);
        Assert.True(lookups["hit"] >= 2);
        Assert.True(lookups["miss"] >= 1);
    }

    [Fact]
    public async Task Nothing_is_cached_unless_caching_is_enabled()
    {
        var journal = Journal("svc");
        await using var runtime = Runtime(TestServers.Stdio("svc", "--journal", journal), options => options.Caching.Enabled = false);

        await EchoAsync(runtime, "svc", "uncached");
        await EchoAsync(runtime, "svc", "uncached");

        Assert.Equal(2, TestServers.JournalLines(journal));
    }

    private string Journal(string name) => Path.Join(_directory, $"{name}.jsonl");

    private FleetRuntime Runtime(ServerDefinition server, Action<FleetOptions>? configure = null, ILoggerFactory? loggerFactory = null) =>
        Runtime([server], configure, loggerFactory);

    private FleetRuntime Runtime(params ServerDefinition[] servers) => Runtime(servers, configure: null, loggerFactory: null);

    private FleetRuntime Runtime(ServerDefinition[] servers, Action<FleetOptions>? configure, ILoggerFactory? loggerFactory)
    {
        var options = TestServers.FastOptions(servers);
        options.TimeProvider = _time;
        // Probes and call timeouts run on the fake clock too; probes are not what these tests look at.
        options.Health.Enabled = false;
        options.Caching.Enabled = true;
        options.Caching.DefaultTimeToLive = TimeSpan.FromMinutes(1);
        configure?.Invoke(options);
        return new FleetRuntime(options, new FleetManifest([.. servers.Select(s => SampleTools.Server(s.Service)).DistinctBy(s => s.Name)]), loggerFactory);
    }

    private static Task<TextToolResult> EchoAsync(FleetRuntime runtime, string server, string message) =>
        runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(server), new(message));

    private static string Authorization(JsonToolResult result) => RequestHeaders.Headers(result)["authorization"];

    /// <summary><see cref="RepeatedEchoArguments"/> written in the other order, as another generator version might.</summary>
    private sealed record ReversedRepeatedEchoArguments(int Repeat, string Message) : IToolArguments
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("repeat", Repeat);
            writer.WriteString("message", Message);
            writer.WriteEndObject();
        }
    }
}
