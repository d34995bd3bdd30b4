using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using McpFleet.Discovery;
using McpFleet.Testing;

namespace McpFleet.Tests.Discovery;

/// <summary>Real file edits in a temporary folder; the debounce runs on a fake clock.</summary>
public sealed class McpJsonFileDiscoveryTests : IDisposable
{
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(200);

    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-discovery-").FullName;
    private readonly TimerAwareFakeTimeProvider _time = new();
    private readonly CapturingLoggerFactory _logs = new();

    private string FilePath => Path.Join(_directory, "mcp.json");

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Yields_the_servers_of_the_file_then_those_of_each_rewrite()
    {
        Write("""{ "servers": { "b": { "url": "http://127.0.0.1:9002/mcp" }, "a": { "command": "node", "args": ["a.js"] } } }""");
        await using var sets = Watch();
        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));

        await ChangeAsync(() => Write("""{ "mcpServers": { "c": { "url": "http://127.0.0.1:9003/mcp", "weight": 2, "tags": ["eu"] } } }"""));

        var c = Assert.Single(await sets.NextAsync());
        Assert.Equal("c", c.Name);
        Assert.Equal(2, c.Weight);
        Assert.Equal(["eu"], c.Tags.AsEnumerable());
    }

    [Fact]
    public async Task Follows_a_save_that_renames_a_temporary_file_over_the_file()
    {
        Write("""{ "servers": { "a": { "command": "a" } } }""");
        await using var sets = Watch();
        await sets.NextAsync();

        await ChangeAsync(() =>
        {
            var temporary = Path.Join(_directory, ".mcp.json.tmp");
            File.WriteAllText(temporary, """{ "servers": { "a": { "command": "a" }, "b": { "command": "b" } } }""");
            File.Move(temporary, FilePath, overwrite: true);
        });

        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));
    }

    [Fact]
    public async Task Reads_once_after_a_burst_of_changes_has_settled()
    {
        Write("""{ "servers": { "a": { "command": "a" } } }""");
        await using var sets = Watch();
        await sets.NextAsync();

        Write("""{ "servers": { "a": { "command": "a" }, "b": { "comm""");
        await _time.WaitForTimersAsync();
        Write("""{ "servers": { "a": { "command": "a" }, "b": { "command": "b" }, "c": { "command": "c" } } }""");
        _time.Advance(s_debounce - TimeSpan.FromMilliseconds(1));
        Assert.False(sets.TryTake(out _));

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(["a", "b", "c"], Names(await sets.NextAsync()));
        Assert.DoesNotContain(_logs.Entries, entry => entry.EventId.Id == 102);
    }

    [Fact]
    public async Task Keeps_the_servers_while_the_file_is_invalid_and_logs_why_without_secrets()
    {
        Write("""{ "servers": { "a": { "url": "http://127.0.0.1:9001/mcp", "headers": { "Authorization": "Bearer s3cr3t-7a6b" } } } }""");
        await using var sets = Watch();
        await sets.NextAsync();

        await ChangeAsync(() => Write("""{ "servers": { "a": { "url": "http://127.0.0.1:9001/mcp", "headers": { "Authorization": "Bearer s3cr3t-7a6b" }, "weight": 0 } } }"""));
        var invalid = await _logs.WaitForAsync(entry => entry.EventId.Id == 102);
        Assert.Contains(FilePath, invalid.Message, StringComparison.Ordinal);
        Assert.Contains("\"weight\"", invalid.Message, StringComparison.Ordinal);

        await ChangeAsync(() => Write("""{ "servers": { "a": { "url": "http://127.0.0.1:9001/mcp", """));
        await _logs.WaitForAsync(entry => entry.EventId.Id == 102 && entry.Message.Contains("invalid JSON", StringComparison.Ordinal));
        Assert.False(sets.TryTake(out _));

        await ChangeAsync(() => Write("""{ "servers": { "a": { "url": "http://127.0.0.1:9001/mcp" }, "b": { "command": "b" } } }"""));

        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));
        Assert.DoesNotContain("s3cr3t", _logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yields_an_empty_set_when_the_file_is_deleted_and_the_servers_when_it_is_back()
    {
        Write("""{ "servers": { "a": { "command": "a" } } }""");
        await using var sets = Watch();
        await sets.NextAsync();

        await ChangeAsync(() => File.Delete(FilePath));
        Assert.Empty(await sets.NextAsync());
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 103 && entry.Message.Contains(FilePath, StringComparison.Ordinal));

        await ChangeAsync(() => Write("""{ "servers": { "b": { "command": "b" } } }"""));
        Assert.Equal(["b"], Names(await sets.NextAsync()));
    }

    [Fact]
    public async Task Yields_an_empty_set_first_when_the_file_does_not_exist_yet()
    {
        await using var sets = Watch();

        Assert.Empty(await sets.NextAsync());
    }

    [Fact]
    public async Task Yields_nothing_until_a_file_that_starts_invalid_is_fixed()
    {
        Write("""{ "servers": """);
        await using var sets = Watch();
        await _logs.WaitForAsync(entry => entry.EventId.Id == 102);
        Assert.False(sets.TryTake(out _));

        await ChangeAsync(() => Write("""{ "servers": { "a": { "command": "a" } } }"""));

        Assert.Equal(["a"], Names(await sets.NextAsync()));
    }

    [Fact]
    public async Task Yields_nothing_for_a_rewrite_with_the_same_servers()
    {
        Write("""{ "servers": { "a": { "command": "a" } } }""");
        await using var sets = Watch();
        await sets.NextAsync();

        await ChangeAsync(() => Write("""{ "servers": { /* reformatted */ "a": { "command": "a" } } }"""));
        await ChangeAsync(() => Write("""{ "servers": { "a": { "command": "a" }, "b": { "command": "b" } } }"""));

        // Had the reformatted file been yielded, it would come first.
        Assert.Equal(["a", "b"], Names(await sets.NextAsync()));
    }

    [Fact]
    public async Task Follows_a_Kubernetes_ConfigMap_update_which_swaps_a_link_to_a_folder()
    {
        // The kubelet's layout: mcp.json -> ..data/mcp.json, ..data -> ..<timestamp>; an update writes a new
        // timestamped folder and renames a new link over ..data, so no event names mcp.json.
        Directory.CreateDirectory(Path.Join(_directory, "..v1"));
        File.WriteAllText(Path.Join(_directory, "..v1", "mcp.json"), """{ "servers": { "a": { "command": "a" } } }""");
        Directory.CreateSymbolicLink(Path.Join(_directory, "..data"), "..v1");
        File.CreateSymbolicLink(FilePath, Path.Join("..data", "mcp.json"));
        await using var sets = Watch();
        Assert.Equal(["a"], Names(await sets.NextAsync()));

        Directory.CreateDirectory(Path.Join(_directory, "..v2"));
        File.WriteAllText(Path.Join(_directory, "..v2", "mcp.json"), """{ "servers": { "b": { "command": "b" } } }""");
        Directory.CreateSymbolicLink(Path.Join(_directory, "..data_tmp"), "..v2");

        // A rename over the old link, as the kubelet's os.Rename does; File.Move does not move a link to a folder.
        var renamed = await ExternalCommand.RunAsync("mv", ["-T", "..data_tmp", "..data"], _directory, TimeSpan.FromSeconds(30));
        Assert.Equal(0, renamed.ExitCode);
        await SettleAsync();

        Assert.Equal(["b"], Names(await sets.NextAsync()));
    }

    [Fact]
    public void Rejects_invalid_options()
    {
        Assert.Throws<ValidationException>(() => new McpJsonFileDiscovery(new McpJsonFileDiscoveryOptions()));
        Assert.Throws<ValidationException>(() => new McpJsonFileDiscovery(new McpJsonFileDiscoveryOptions { Path = FilePath, DebounceDelay = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<DirectoryNotFoundException>(() => new McpJsonFileDiscovery(new McpJsonFileDiscoveryOptions { Path = Path.Join(_directory, "missing", "mcp.json") }));
    }

    private WatchedSets Watch()
    {
        var discovery = new McpJsonFileDiscovery(new McpJsonFileDiscoveryOptions { Path = FilePath, DebounceDelay = s_debounce }, _logs, _time);
        Assert.Equal($"mcp.json {FilePath}", discovery.Name);
        return new WatchedSets(discovery);
    }

    /// <summary>Makes a change and lets it settle.</summary>
    private async Task ChangeAsync(Action change)
    {
        change();
        await SettleAsync();
    }

    /// <summary>Waits until the provider has noticed a change, and lets the debounce delay pass.</summary>
    private async Task SettleAsync()
    {
        await _time.WaitForTimersAsync();
        _time.Advance(s_debounce);
    }

    private void Write(string json) => File.WriteAllText(FilePath, json);

    private static IEnumerable<string> Names(IReadOnlyList<ServerDefinition> servers) => servers.Select(s => s.Name);
}
