using McpFleet.Drift;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>With <see cref="DriftBlockScope.Server"/>, one blocked change refuses every tool of that server, and only of it.</summary>
public sealed class BlockScopeTests
{
    [Fact]
    public async Task Server_scope_refuses_every_tool_of_the_drifted_server_only()
    {
        var (drifted, intact) = (DriftFleet.UniqueName("suspect"), DriftFleet.UniqueName("trusted"));
        await using var fleet = DriftFleet.Create(
            policy => policy.BlockScope = DriftBlockScope.Server,
            (TestServers.Stdio(drifted, "--tools", "echo", "math_calc", "--variant", "echo-destructive"), ["echo", "math_calc"]),
            (TestServers.Stdio(intact, "--tools", "echo", "math_calc"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.CalcAsync(drifted));

        Assert.True(refused.IsServerBlocked);
        Assert.Equal(("math_calc", 3), (refused.ToolName, refused.Changes.Count));
        Assert.StartsWith($"Tool 'math_calc' was not called: every tool of server '{drifted}' is blocked by the drift policy", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(drifted));
        Assert.Equal(42, (await fleet.CalcAsync(intact)).Result);
        Assert.Equal("hello", (await fleet.EchoAsync(intact)).Text);
        Assert.True(Assert.Single(fleet.Events).IsServerBlocked);
    }

    [Fact]
    public async Task Server_scope_blocks_nothing_for_changes_it_only_warns_about()
    {
        var name = DriftFleet.UniqueName("warned");
        await using var fleet = DriftFleet.Create(
            policy => policy.BlockScope = DriftBlockScope.Server,
            (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-new-description"), ["echo", "math_calc"]));

        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
        Assert.Equal("hello", (await fleet.EchoAsync(name)).Text);
    }
}
