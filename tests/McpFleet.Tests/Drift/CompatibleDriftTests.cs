using McpFleet.Drift;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>Sessions are checked against the snapshot as they open; compatible changes are allowed by default.</summary>
public sealed class CompatibleDriftTests
{
    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task A_server_that_matches_its_snapshot_raises_nothing(string protocolVersion)
    {
        // The live definitions come through the SDK's model, the snapshot's as the server sent them: same fingerprints.
        var name = DriftFleet.UniqueName("same");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo", "math_calc") with { ProtocolVersion = protocolVersion }, ["echo", "math_calc"]));

        await fleet.Runtime.ConnectAsync();

        Assert.Equal("hello", (await fleet.EchoAsync(name)).Text);
        Assert.Empty(fleet.Events);
        Assert.Equal(0, fleet.CountedChanges(name));
    }

    [Fact]
    public async Task A_new_optional_parameter_is_allowed_and_reported()
    {
        var name = DriftFleet.UniqueName("optional");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-optional-param"), ["echo", "math_calc"]));

        var result = await fleet.EchoAsync(name);

        Assert.Equal("hello", result.Text);
        var detected = Assert.Single(fleet.Events);
        Assert.Equal(name, detected.ServerName);
        Assert.Equal(
            [new DriftDecision(new DriftChange("echo", DriftChangeKind.OptionalParameterAdded, "new optional parameter 'repeat' (integer)"), DriftAction.Allow)],
            detected.Decisions);
        Assert.Empty(detected.BlockedTools);
        Assert.False(detected.IsServerBlocked);
        Assert.Empty(fleet.DriftWarnings);
        Assert.Contains(fleet.Logs.Messages, m => m.StartsWith("Information", StringComparison.Ordinal) && m.Contains($"Server '{name}': tool 'echo' differs from its snapshot (compatible: new optional parameter 'repeat' (integer)); action: allow.", StringComparison.Ordinal));
        Assert.Equal(1, fleet.CountedChanges(name));
    }

    [Fact]
    public async Task A_tool_that_is_not_in_the_snapshot_is_allowed_and_the_others_work()
    {
        var name = DriftFleet.UniqueName("added");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo", "math_calc"), ["echo"]));

        await fleet.Runtime.ConnectAsync();

        var change = Assert.Single(Assert.Single(fleet.Events).Decisions);
        Assert.Equal((DriftChangeKind.ToolAdded, "math_calc", DriftAction.Allow), (change.Change.Kind, change.Change.ToolName, change.Action));
        Assert.Equal("hello", (await fleet.EchoAsync(name)).Text);
    }

    [Fact]
    public async Task Compatible_changes_can_be_blocked()
    {
        var name = DriftFleet.UniqueName("strict");
        await using var fleet = DriftFleet.Create(
            policy => policy.Compatible = DriftAction.Block,
            (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-optional-param"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(name));

        Assert.Equal(DriftChangeKind.OptionalParameterAdded, Assert.Single(refused.Changes).Kind);
        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
    }

    [Fact]
    public async Task A_server_whose_manifest_has_no_snapshot_tools_is_not_checked()
    {
        var name = DriftFleet.UniqueName("unchecked");
        var drifted = 0;
        await using var runtime = TestServers.Runtime(TestServers.FastOptions(TestServers.Stdio(name, "--variant", "echo-destructive") with { ProtocolVersion = "2025-11-25" }), name);
        runtime.DriftDetected += (_, _) => Interlocked.Increment(ref drifted);

        var result = await runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo(name), new("hello"));

        Assert.Equal("hello", result.Text);
        Assert.Equal(0, drifted);
    }
}
