using System.Collections.Immutable;
using System.Text.Json;
using McpFleet.Caching;
using McpFleet.Configuration;
using McpFleet.Telemetry;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Caching;

/// <summary>
/// The cache's policy in front of a dispatch delegate that counts its calls: single-flight, read-only only, failures
/// not kept, and a copy per caller. The end-to-end behaviour against real servers is in <see cref="ResultCachingTests"/>.
/// </summary>
public sealed class ToolResultCacheTests : IDisposable
{
    private static readonly ToolDescriptor s_readOnly = new("svc", "lookup", new ToolHints(ReadOnly: true));
    private static readonly ServerDefinition[] s_servers = [ServerDefinition.Remote("svc", new Uri("http://127.0.0.1:1/mcp")) with { Headers = ImmutableDictionary<string, string>.Empty.Add("X-Key", "k") }];
    private static readonly Dictionary<string, JsonElement> s_arguments = new(StringComparer.Ordinal) { ["q"] = JsonSerializer.SerializeToElement("x") };

    private readonly ManualTimeProvider _time = new();
    private readonly FleetTelemetry _telemetry = new(meterFactory: null);
    private readonly CollectingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private int _calls;

    public ToolResultCacheTests() => _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));

    [Fact]
    public async Task Concurrent_identical_misses_share_one_call()
    {
        var cache = Cache();
        var release = new TaskCompletionSource();

        var callers = Enumerable.Range(0, 3).Select(_ => cache.CallAsync(s_readOnly, s_servers, s_arguments, ct => SlowCallAsync(release.Task), CancellationToken.None)).ToArray();
        await Eventually(() => _calls == 1);
        release.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, _calls);
        Assert.All(results, result => Assert.Equal("answer 1", result.Text));
    }

    [Fact]
    public async Task When_the_caller_that_made_the_shared_call_gives_up_another_calls_again()
    {
        var cache = Cache();
        var never = new TaskCompletionSource();
        using var leaderGivesUp = new CancellationTokenSource();
        var leader = cache.CallAsync(s_readOnly, s_servers, s_arguments, ct => SlowCallAsync(never.Task.WaitAsync(ct)), leaderGivesUp.Token);
        await Eventually(() => _calls == 1);
        var follower = cache.CallAsync(s_readOnly, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);

        await leaderGivesUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        Assert.Equal("answer 2", (await follower).Text);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task A_failed_call_is_not_kept()
    {
        var cache = Cache();

        await Assert.ThrowsAsync<ToolErrorException>(() => cache.CallAsync<TextToolResult>(
            s_readOnly, s_servers, s_arguments, _ => throw new ToolErrorException(s_readOnly, new CallToolResult { IsError = true }), CancellationToken.None));
        var result = await cache.CallAsync(s_readOnly, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);

        Assert.Equal("answer 1", result.Text);
    }

    [Fact]
    public async Task A_tool_that_is_not_read_only_is_never_cached_and_a_time_to_live_for_it_is_reported_once()
    {
        var cache = Cache(options => options.ToolTimeToLive["write"] = TimeSpan.FromMinutes(5));
        var write = new ToolDescriptor("svc", "write", new ToolHints(ReadOnly: false, Destructive: false, Idempotent: true));

        var first = await cache.CallAsync(write, s_servers, s_arguments, _ => CallAsync(write), CancellationToken.None);
        var second = await cache.CallAsync(write, s_servers, s_arguments, _ => CallAsync(write), CancellationToken.None);

        Assert.Equal(["answer 1", "answer 2"], [first.Text, second.Text]);
        Assert.Single(_logs.Messages, message => message.Contains("'write' of 'svc' has a cache time-to-live but is not read-only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_zero_time_to_live_keeps_a_read_only_tool_out_of_the_cache()
    {
        var cache = Cache(options => options.ToolTimeToLive["lookup"] = TimeSpan.Zero);

        await cache.CallAsync(s_readOnly, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);
        await cache.CallAsync(s_readOnly, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task A_unified_tool_is_cached_only_when_every_member_is_read_only()
    {
        var cache = Cache();
        var mixed = new ToolGroupDescriptor(
            "lookup", [new ToolGroupMember(s_readOnly), new ToolGroupMember(s_readOnly with { ServerName = "other", Hints = ToolHints.None })], ToolGroupResolution.Prefer);

        await cache.CallAsync(mixed, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);
        await cache.CallAsync(mixed, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Every_caller_gets_a_copy_of_its_own()
    {
        var cache = Cache();
        var first = await cache.CallAsync(s_readOnly, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);

        first.RawResult.Content.Clear();
        var second = await cache.CallAsync(s_readOnly, s_servers, s_arguments, _ => CallAsync(), CancellationToken.None);

        Assert.Equal(1, _calls);
        Assert.Equal("answer 1", second.Text);
        Assert.Single(second.Content);
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _telemetry.Dispose();
    }

    private ToolResultCache Cache(Action<CachingOptions>? configure = null)
    {
        var options = new CachingOptions { Enabled = true };
        configure?.Invoke(options);
        options.Validate();
        return new ToolResultCache(options, _time, _telemetry, _loggerFactory.CreateLogger("cache"));
    }

    private Task<CapturedToolResult<TextToolResult>> CallAsync(ToolDescriptor? tool = null)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(CapturedToolResult<TextToolResult>.FromCallToolResult(
            new CallToolResult { Content = [new TextContentBlock { Text = $"answer {call}" }] }, tool ?? s_readOnly));
    }

    private async Task<CapturedToolResult<TextToolResult>> SlowCallAsync(Task release)
    {
        var call = CallAsync();
        await release;
        return await call;
    }

    private static async Task Eventually(Func<bool> condition) => await TestServers.EventuallyAsync(condition, "the call started");
}
