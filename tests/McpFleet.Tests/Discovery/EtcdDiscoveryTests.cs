using McpFleet.Configuration;
using McpFleet.Discovery;
using McpFleet.Testing;

namespace McpFleet.Tests.Discovery;

/// <summary>Against a real etcd on loopback, written through the same JSON gateway the provider reads.</summary>
public sealed class EtcdDiscoveryTests(EtcdFixture etcd) : IClassFixture<EtcdFixture>, IDisposable
{
    private readonly string _prefix = $"/mcp/{Guid.NewGuid():N}/";
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Lists_the_prefix_then_follows_additions_changes_and_removals()
    {
        var server = etcd.Server;
        await server.PutAsync(_prefix + "b", Remote(9002));
        await server.PutAsync(_prefix + "a", Remote(9001));
        await server.PutAsync(_prefix[..^1] + "-beside/c", Remote(9003));
        await server.PutAsync(_prefix[..^1] + "0", Remote(9004));

        await using var sets = new WatchedSets(Discovery(server.Endpoint));
        var first = await sets.NextAsync();
        Assert.Equal(["a", "b"], Names(first));
        Assert.Equal(new Uri("http://127.0.0.1:9001/mcp"), first[0].Endpoint);

        await server.PutAsync(_prefix + "c", Remote(9003));
        Assert.Equal(["a", "b", "c"], Names(await sets.NextAsync()));

        await server.PutAsync(_prefix + "a", Remote(9001, """, "weight": 5, "tags": ["eu"]"""));
        var changed = await sets.NextAsync();
        Assert.Equal(["a", "b", "c"], Names(changed));
        Assert.Equal(5, changed[0].Weight);
        Assert.Equal(["eu"], changed[0].Tags.AsEnumerable());

        await server.DeleteAsync(_prefix + "b");
        Assert.Equal(["a", "c"], Names(await sets.NextAsync()));
    }

    [Fact]
    public async Task Yields_an_empty_set_first_for_an_empty_prefix()
    {
        await using var sets = new WatchedSets(Discovery(etcd.Server.Endpoint));
        Assert.Empty(await sets.NextAsync());

        await etcd.Server.PutAsync(_prefix + "a", Remote(9001));
        Assert.Equal(["a"], Names(await sets.NextAsync()));
    }

    [Fact]
    public async Task Skips_malformed_entries_logging_their_keys_but_not_their_values()
    {
        var server = etcd.Server;
        await server.PutAsync(_prefix + "a", Remote(9001));
        await server.PutAsync(_prefix + "not-json", "{ \"url\": \"http://127.0.0.1:9002/mcp\", \"headers\": { \"X-Key\": \"s3cr3t-1f2e\"");
        await server.PutAsync(_prefix + "invalid", Remote(9003, """, "headers": { "X-Key": "s3cr3t-1f2e" }, "weight": 0"""));
        await server.PutAsync(_prefix + "local", """{ "command": "node", "args": ["server.js"] }""");
        await server.PutAsync(_prefix + "off", Remote(9004, """, "disabled": true"""));

        await using var sets = new WatchedSets(Discovery(server.Endpoint));
        Assert.Equal(["a"], Names(await sets.NextAsync()));
        Assert.Contains("not JSON", SkipReason("not-json"), StringComparison.Ordinal);
        Assert.Contains("\"weight\"", SkipReason("invalid"), StringComparison.Ordinal);
        Assert.Contains(nameof(EtcdDiscoveryOptions.AllowStdioServers), SkipReason("local"), StringComparison.Ordinal);

        // An entry that goes bad while watched is dropped too, and comes back when fixed.
        await server.PutAsync(_prefix + "b", Remote(9005));
        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));
        await server.PutAsync(_prefix + "a", "{ \"url\": ");
        Assert.Equal(["b"], Names(await sets.NextAsync()));
        await server.PutAsync(_prefix + "a", Remote(9001));
        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));

        Assert.DoesNotContain("s3cr3t", _logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_stdio_servers_when_allowed()
    {
        await etcd.Server.PutAsync(_prefix + "local", """{ "command": "node", "args": ["server.js"] }""");

        await using var sets = new WatchedSets(Discovery(etcd.Server.Endpoint, options => options.AllowStdioServers = true));

        var local = Assert.Single(await sets.NextAsync());
        Assert.Equal(TransportKind.Stdio, local.Transport);
        Assert.Equal("node", local.Command);
    }

    [Fact]
    public async Task Recovers_when_etcd_restarts_on_the_same_ports_and_data()
    {
        var server = await EtcdServer.StartAsync();
        try
        {
            await server.PutAsync(_prefix + "a", Remote(9001));
            await using var sets = new WatchedSets(Discovery(server.Endpoint));
            Assert.Equal(["a"], Names(await sets.NextAsync()));

            await server.KillAsync();
            await _logs.WaitForAsync(entry => entry.EventId.Id == 105);
            await server.RestartAsync();

            await server.PutAsync(_prefix + "b", Remote(9002));
            Assert.Equal(["a", "b"], Names(await sets.NextAsync()));

            // Watching again, not only listing.
            await server.DeleteAsync(_prefix + "a");
            Assert.Equal(["b"], Names(await sets.NextAsync()));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Empty(ProcessTable.FindByCommandLine(server.Folder));
        Assert.False(Directory.Exists(server.Folder));
    }

    [Fact]
    public async Task Authenticates_with_a_user_and_password_and_logs_a_refusal_without_the_password()
    {
        await using var server = await EtcdServer.StartAsync();
        await server.EnableAuthenticationAsync("r00t-pw-4d3c");
        await server.PutAsync(_prefix + "a", Remote(9001));

        await using var refused = new WatchedSets(Discovery(server.Endpoint, options => (options.Username, options.Password) = ("root", "wr0ng-pw-9a8b")));
        var failure = await _logs.WaitForAsync(entry => entry.EventId.Id == 100);
        Assert.Contains("authentication failed", failure.Exception!.Message, StringComparison.Ordinal);

        await using var sets = new WatchedSets(Discovery(server.Endpoint, options => (options.Username, options.Password) = ("root", "r00t-pw-4d3c")));
        Assert.Equal(["a"], Names(await sets.NextAsync()));
        await server.PutAsync(_prefix + "b", Remote(9002));
        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));

        Assert.False(refused.TryTake(out _));
        Assert.DoesNotContain("pw-", _logs.Text, StringComparison.Ordinal);
    }

    private EtcdDiscovery Discovery(Uri endpoint, Action<EtcdDiscoveryOptions>? configure = null)
    {
        var options = new EtcdDiscoveryOptions
        {
            Endpoint = endpoint,
            Prefix = _prefix,
            RetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        return new EtcdDiscovery(options, _logs);
    }

    private string SkipReason(string name) =>
        Assert.Single(_logs.Entries, entry => entry.EventId.Id == 101 && (string?)entry.Values["Key"] == _prefix + name).Message;

    private static string Remote(int port, string moreFields = "") => $$"""{ "url": "http://127.0.0.1:{{port}}/mcp"{{moreFields}} }""";

    private static IEnumerable<string> Names(IReadOnlyList<ServerDefinition> servers) => servers.Select(s => s.Name);
}
