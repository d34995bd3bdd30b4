using McpFleet.Drift;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>A server that changes its tools while connected (<c>tools/list_changed</c>) is checked again.</summary>
public sealed class ToolListChangeDriftTests
{
    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task A_tool_removed_while_connected_is_blocked_and_unblocked_when_it_returns(string protocolVersion)
    {
        var name = DriftFleet.UniqueName("changing");
        await using var fleet = DriftFleet.Create(
            null, (TestServers.Stdio(name, "--tools", "echo", "math_calc", "set_tools", "--allow-tool-changes") with { ProtocolVersion = protocolVersion }, ["echo", "math_calc"]));
        await fleet.Runtime.ConnectAsync();

        // The listen request on 2026-07-28 is sent as the session opens, and a stdio server reads requests in order: once
        // this call is answered, the listen request is open.
        Assert.Equal("hello", (await fleet.EchoAsync(name)).Text);
        Assert.Equal(DriftChangeKind.ToolAdded, Assert.Single(Assert.Single(fleet.Events).Decisions).Change.Kind);

        await SetToolsAsync(fleet, "echo");
        await TestServers.EventuallyAsync(() => fleet.Events.Count == 2, "the changed tool list is checked");

        var removed = fleet.Events.Last();
        Assert.Equal(["math_calc"], removed.BlockedTools);
        Assert.Contains(removed.Decisions, d => d.Change == new DriftChange("math_calc", DriftChangeKind.ToolRemoved, "tool removed"));
        await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.CalcAsync(name));
        Assert.Equal("hello", (await fleet.EchoAsync(name)).Text);

        await SetToolsAsync(fleet, "echo", "math_calc");
        await TestServers.EventuallyAsync(() => fleet.Events.Count == 3, "the restored tool list is checked");

        Assert.Empty(fleet.Events.Last().BlockedTools);
        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
    }

    private static Task<JsonToolResult> SetToolsAsync(DriftFleet fleet, params string[] tools) =>
        fleet.Runtime.CallToolAsync<SetToolsArguments, JsonToolResult>(
            new ToolDescriptor(fleet.Runtime.ServerNames.Single(), "set_tools", ToolHints.None), new(tools));
}
