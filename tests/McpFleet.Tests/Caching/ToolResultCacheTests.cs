using System.Collections.Immutable;
using System.Text.Json;
using McpFleet.Caching;
using McpFleet.Configuration;
using McpFleet.Telemetry;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Caching;

/// <summary>
/// The cache on its own, driven as the call path drives it (look up; on a miss call, then store or fail): single-flight,
/// failures not kept, and a copy per caller. Which calls are cached (read-only tools, time-to-live) is the call path's
/// decision, tested end to end in <see cref="ResultCachingTests"/> and <see cref="McpFleet.Tests.Calls.CachePolicyTests"/>.
/// </summary>
public sealed class ToolResultCacheTests : IDisposable
{
    private static readonly ToolDescriptor s_readOnly = new("svc", "lookup", new ToolHints(ReadOnly: true));
    private static readonly ServerDefinition[] s_servers = [ServerDefinition.Remote("svc", new Uri("http://127.0.0.1:1/mcp")) with { Headers = ImmutableDictionary<string, string>.Empty.Add("X-Key", "k") }];
    private static readonly JsonElement s_arguments = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["q"] = "x" });
    private static readonly TimeSpan s_timeToLive = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new();
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

        var callers = Enumerable.Range(0, 3).Select(_ => CallThroughAsync(cache, _ => SlowCallAsync(release.Task), CancellationToken.None)).ToArray();
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
        var leader = CallThroughAsync(cache, ct => SlowCallAsync(never.Task.WaitAsync(ct)), leaderGivesUp.Token);
        await Eventually(() => _calls == 1);
        var follower = CallThroughAsync(cache, _ => CallAsync(), CancellationToken.None);

        await leaderGivesUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        Assert.Equal("answer 2", (await follower).Text);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task A_failed_call_is_not_kept()
    {
        var cache = Cache();

        await Assert.ThrowsAsync<ToolErrorException>(() => CallThroughAsync(
            cache, _ => throw new ToolErrorException(s_readOnly, new CallToolResult { IsError = true }), CancellationToken.None));
        var result = await CallThroughAsync(cache, _ => CallAsync(), CancellationToken.None);

        Assert.Equal("answer 1", result.Text);
    }

    [Fact]
    public async Task A_tool_that_is_not_read_only_is_reported_once()
    {
        var cache = Cache();

        cache.NotReadOnly("svc", "write");
        cache.NotReadOnly("svc", "write");

        Assert.Single(_logs.Messages, message => message.Contains("'write' of 'svc' has a cache time-to-live but is not read-only", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Every_caller_gets_a_copy_of_its_own()
    {
        var cache = Cache();
        var first = await CallThroughAsync(cache, _ => CallAsync(), CancellationToken.None);

        first.RawResult.Content.Clear();
        var second = await CallThroughAsync(cache, _ => CallAsync(), CancellationToken.None);

        Assert.Equal(1, _calls);
        Assert.Equal("answer 1", second.Text);
        Assert.Single(second.Content);
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _telemetry.Dispose();
    }

    /// <summary>What the call path does around the cache.</summary>
    private static async Task<TextToolResult> CallThroughAsync(ToolResultCache cache, Func<CancellationToken, Task<CallToolResult>> call, CancellationToken cancellationToken)
    {
        var lookup = await cache.LookUpAsync(CacheScopeKind.Server, "svc", "lookup", "svc", s_servers, s_arguments, cancellationToken);
        if (lookup.Hit is { } hit)
        {
            return TextToolResult.FromCallToolResult(hit.Read(), hit.Tool);
        }

        try
        {
            var result = await call(cancellationToken);
            lookup.Flight!.Complete(result, s_readOnly, s_timeToLive);
            return TextToolResult.FromCallToolResult(result, s_readOnly);
        }
        catch (Exception e)
        {
            lookup.Flight!.Fail(e);
            throw;
        }
    }

    private ToolResultCache Cache()
    {
        var options = new CachingOptions { Enabled = true };
        options.Validate();
        return new ToolResultCache(options, _time, _telemetry, _loggerFactory.CreateLogger("cache"));
    }

    private Task<CallToolResult> CallAsync()
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = $"answer {call}" }] });
    }

    private async Task<CallToolResult> SlowCallAsync(Task release)
    {
        var call = CallAsync();
        await release;
        return await call;
    }

    private static async Task Eventually(Func<bool> condition) => await TestServers.EventuallyAsync(condition, "the call started");
}
