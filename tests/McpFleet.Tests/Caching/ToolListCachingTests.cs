using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Caching;

/// <summary>
/// <see cref="FleetRuntime.ListToolsAsync"/> honours the caching hints real sample servers put on <c>tools/list</c>
/// (<c>--tools-list-ttl-ms</c>, <c>--tools-list-cache-scope</c>). A reused list is told apart from a fetched one by
/// changing the server's tools with <c>set_tools</c> in between.
/// </summary>
public sealed class ToolListCachingTests
{
    private static readonly string[] s_allTools = ["echo", "math_calc", "set_tools"];
    private static readonly string[] s_changedTools = ["echo", "set_tools"];

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_list_is_reused_while_the_servers_time_to_live_runs_and_fetched_again_after()
    {
        // Over Streamable HTTP on 2026-07-28 the server announces no changes, so only the time-to-live ends the reuse.
        await using var server = await StartAsync("--tools-list-ttl-ms", "60000");
        await using var runtime = Runtime(TestServers.Remote("svc", server));

        Assert.Equal(s_allTools, await ToolNamesAsync(runtime));
        await SetToolsAsync(runtime, "echo");
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(s_allTools, await ToolNamesAsync(runtime));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(s_changedTools, await ToolNamesAsync(runtime));
    }

    [Fact]
    public async Task A_list_without_a_time_to_live_is_fetched_every_time()
    {
        await using var server = await StartAsync();
        await using var runtime = Runtime(TestServers.Remote("svc", server));

        Assert.Equal(s_allTools, await ToolNamesAsync(runtime));
        await SetToolsAsync(runtime, "echo");

        Assert.Equal(s_changedTools, await ToolNamesAsync(runtime));
    }

    [Fact]
    public async Task Nothing_is_reused_unless_caching_is_enabled()
    {
        await using var server = await StartAsync("--tools-list-ttl-ms", "60000");
        await using var runtime = Runtime(TestServers.Remote("svc", server), enabled: false);

        Assert.Equal(s_allTools, await ToolNamesAsync(runtime));
        await SetToolsAsync(runtime, "echo");

        Assert.Equal(s_changedTools, await ToolNamesAsync(runtime));
    }

    [Fact]
    public async Task A_change_the_server_announces_drops_its_list_at_once()
    {
        // On 2025-11-25 the server sends tools/list_changed unasked, so nothing races a listen request.
        string[] args = ["--tools", .. s_allTools, "--allow-tool-changes", "--tools-list-ttl-ms", "600000"];
        var definition = TestServers.Stdio("svc", args) with { ProtocolVersion = "2025-11-25" };
        await using var runtime = Runtime(definition);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.ToolListChanged += (_, _) => changed.TrySetResult();

        Assert.Equal(s_allTools, await ToolNamesAsync(runtime));
        await SetToolsAsync(runtime, "echo");
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(s_changedTools, await ToolNamesAsync(runtime));
    }

    [Theory]
    [InlineData("private")]
    [InlineData("public")]
    public async Task A_private_list_serves_only_the_same_credentials_and_a_public_one_serves_every_caller(string scope)
    {
        await using var server = await StartAsync("--tools-list-ttl-ms", "60000", "--tools-list-cache-scope", scope);
        var user = new AsyncLocal<string>();
        await using var runtime = Runtime(TestServers.Remote("svc", server) with { TokenProvider = _ => ValueTask.FromResult($"token-of-{user.Value}") });

        user.Value = "alice";
        Assert.Equal(s_allTools, await ToolNamesAsync(runtime));
        await SetToolsAsync(runtime, "echo");
        user.Value = "bob";
        var seenByBob = await ToolNamesAsync(runtime);
        user.Value = "alice";
        var seenByAliceAgain = await ToolNamesAsync(runtime);

        Assert.Equal(scope == "private" ? s_changedTools : s_allTools, seenByBob);
        Assert.Equal(s_allTools, seenByAliceAgain);
    }

    private static Task<SampleServerProcess> StartAsync(params string[] hints) =>
        SampleServerProcess.StartAsync("svc", SampleTransport.Http, ["--tools", .. s_allTools, "--allow-tool-changes", .. hints]);

    private FleetRuntime Runtime(ServerDefinition server, bool enabled = true)
    {
        var options = TestServers.FastOptions(server);
        options.TimeProvider = _time;
        options.Health.Enabled = false;
        options.Caching.Enabled = enabled;
        return TestServers.Runtime(options, "svc");
    }

    private static async Task<string[]> ToolNamesAsync(FleetRuntime runtime) =>
        [.. (await runtime.ListToolsAsync("svc")).Select(tool => tool.Name).Order(StringComparer.Ordinal)];

    private static Task<TextToolResult> SetToolsAsync(FleetRuntime runtime, params string[] enabled) =>
        runtime.CallToolAsync<SetToolsArguments, TextToolResult>(new ToolDescriptor("svc", "set_tools", new ToolHints(Destructive: true)), new(enabled));
}
