using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using McpFleet.Configuration;
using McpFleet.Discovery;
using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.Discovery;

public sealed class DnsDiscoveryTests : IDisposable
{
    private const string HostName = "mcp.default.svc.cluster.local";

    private readonly ScriptedResolver _resolver = new();
    private readonly TimerAwareFakeTimeProvider _time = new();
    private readonly CapturingLoggerFactory _logs = new();

    private DnsDiscoveryOptions Options() => new()
    {
        HostName = HostName,
        Port = 8080,
        RefreshInterval = TimeSpan.FromSeconds(30),
        RetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(4),
        Resolver = _resolver.ResolveAsync,
    };

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Yields_one_server_per_address_sorted_with_the_shared_settings()
    {
        _resolver.Answer("10.0.0.2", "fd00::7", "10.0.0.1", "10.0.0.2");
        var options = Options();
        options.Transport = TransportKind.StreamableHttp;
        options.Headers["X-Api-Key"] = "k-5f4e3d2c";
        options.Tags.Add("eu");
        options.Weight = 3;
        options.Priority = 7;

        await using var sets = new WatchedSets(new DnsDiscovery(options, _logs, _time));
        var servers = await sets.NextAsync();

        Assert.Equal(["mcp-10.0.0.1", "mcp-10.0.0.2", "mcp-fd00--7"], servers.Select(s => s.Name));
        Assert.Equal(
            ["http://10.0.0.1:8080/mcp", "http://10.0.0.2:8080/mcp", "http://[fd00::7]:8080/mcp"],
            servers.Select(s => s.Endpoint!.ToString()));
        Assert.All(servers, server =>
        {
            Assert.Equal(TransportKind.StreamableHttp, server.Transport);
            Assert.Equal("k-5f4e3d2c", server.Headers["X-Api-Key"]);
            Assert.Equal(["k-5f4e3d2c"], server.Secrets.AsEnumerable());
            Assert.Equal(["eu"], server.Tags.AsEnumerable());
            Assert.Equal(3, server.Weight);
            Assert.Equal(7, server.Priority);
        });
    }

    [Fact]
    public async Task Resolves_again_after_the_refresh_interval_and_yields_only_changes()
    {
        _resolver.Answer("10.0.0.1");
        await using var sets = new WatchedSets(new DnsDiscovery(Options(), _logs, _time));
        Assert.Equal(["mcp-10.0.0.1"], (await sets.NextAsync()).Select(s => s.Name));

        await _time.WaitForTimersAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, _resolver.Calls);

        // The same answer: resolved, but nothing to yield.
        _time.Advance(TimeSpan.FromSeconds(1));
        await _time.WaitForTimersAsync();
        Assert.Equal(2, _resolver.Calls);
        Assert.False(sets.TryTake(out _));

        _resolver.Answer("10.0.0.1", "10.0.0.3");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["mcp-10.0.0.1", "mcp-10.0.0.3"], (await sets.NextAsync()).Select(s => s.Name));

        _resolver.Answer("10.0.0.3");
        await _time.WaitForTimersAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["mcp-10.0.0.3"], (await sets.NextAsync()).Select(s => s.Name));
    }

    [Fact]
    public async Task A_failed_resolution_is_logged_and_retried_after_the_backoff_delay_keeping_the_servers()
    {
        _resolver.Answer("10.0.0.1");
        await using var sets = new WatchedSets(new DnsDiscovery(Options(), _logs, _time));
        await sets.NextAsync();

        _resolver.Fail();
        await _time.WaitForTimersAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        var failure = await _logs.WaitForAsync(entry => entry.EventId.Id == 100);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains($"dns {HostName}:8080", failure.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(failure.Exception);

        // The retry waits for the delay it logged (to the millisecond, as Task.Delay counts), far less than the
        // refresh interval.
        var delay = (TimeSpan)failure.Values["Delay"]!;
        Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(4));
        _resolver.Answer("10.0.0.2");
        await _time.WaitForTimersAsync();
        _time.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _resolver.Calls);
        Assert.False(sets.TryTake(out _));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["mcp-10.0.0.2"], (await sets.NextAsync()).Select(s => s.Name));
        Assert.Equal(3, _resolver.Calls);
    }

    [Fact]
    public async Task Retry_delays_grow_up_to_the_maximum()
    {
        _resolver.Fail();
        await using var sets = new WatchedSets(new DnsDiscovery(Options(), _logs, _time));

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await _time.WaitForTimersAsync();
            _time.Advance(TimeSpan.FromSeconds(4));
        }

        await _logs.WaitForAsync(entry => entry.Values.TryGetValue("Attempt", out var attempt) && attempt is 8);
        var delays = _logs.Entries.Where(entry => entry.EventId.Id == 100).Select(entry => (TimeSpan)entry.Values["Delay"]!).ToList();
        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(4)));
        Assert.Equal(TimeSpan.FromSeconds(4), delays[^1]);
        Assert.False(sets.TryTake(out _));
    }

    [Fact]
    public async Task Filters_by_address_family()
    {
        _resolver.Answer("10.0.0.1", "fd00::1");
        var options = Options();
        options.AddressFamily = AddressFamily.InterNetworkV6;
        options.NamePrefix = "tools";

        await using var sets = new WatchedSets(new DnsDiscovery(options, _logs, _time));

        Assert.Equal(["tools-fd00--1"], (await sets.NextAsync()).Select(s => s.Name));
    }

    [Fact]
    public async Task Resolves_localhost_with_the_system_resolver()
    {
        var discovery = new DnsDiscovery(new DnsDiscoveryOptions
        {
            HostName = "localhost",
            Port = 5123,
            Path = "/v1/mcp",
            Scheme = "https",
            AddressFamily = AddressFamily.InterNetwork,
        });

        await using var sets = new WatchedSets(discovery);
        var server = Assert.Single(await sets.NextAsync());

        Assert.Equal("localhost-127.0.0.1", server.Name);
        Assert.Equal(new Uri("https://127.0.0.1:5123/v1/mcp"), server.Endpoint);
        Assert.Equal(TransportKind.Http, server.Transport);
    }

    public static TheoryData<string, Action<DnsDiscoveryOptions>> InvalidOptions => new()
    {
        { "HostName", o => o.HostName = "" },
        { "Port", o => o.Port = 0 },
        { "Port", o => o.Port = 65536 },
        { "Path", o => o.Path = "mcp" },
        { "Scheme", o => o.Scheme = "ftp" },
        { "Transport", o => o.Transport = TransportKind.Stdio },
        { "NamePrefix", o => o.NamePrefix = "" },
        { "AddressFamily", o => o.AddressFamily = AddressFamily.Unix },
        { "Weight", o => o.Weight = 0 },
        { "Headers", o => o.Headers["X-Empty"] = null! },
        { "RefreshInterval", o => o.RefreshInterval = TimeSpan.Zero },
        { "MaxRetryDelay", o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(10) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(string option, Action<DnsDiscoveryOptions> spoil)
    {
        var options = Options();
        spoil(options);

        var error = Assert.Throws<ValidationException>(() => new DnsDiscovery(options));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A resolver whose answer the test sets; it counts the questions.</summary>
    private sealed class ScriptedResolver
    {
        private Func<IPAddress[]> _answer = () => [];
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Answer(params string[] addresses)
        {
            IPAddress[] answer = [.. addresses.Select(IPAddress.Parse)];
            Volatile.Write(ref _answer, () => answer);
        }

        public void Fail() => Volatile.Write(ref _answer, () => throw new SocketException((int)SocketError.TryAgain));

        // Throws synchronously when failing, as a resolver may: the provider must cope with that too.
        public Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken cancellationToken)
        {
            Assert.Equal(HostName, hostName);
            Interlocked.Increment(ref _calls);
            return Task.FromResult(Volatile.Read(ref _answer)());
        }
    }
}
