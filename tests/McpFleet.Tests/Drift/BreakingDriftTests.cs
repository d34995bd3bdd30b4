using McpFleet.Drift;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>Breaking changes block the affected tools by default; the rest of the server and of the fleet keep working.</summary>
public sealed class BreakingDriftTests
{
    [Fact]
    public async Task A_changed_parameter_type_blocks_the_tool_before_the_call_is_sent()
    {
        using var journal = new TemporaryFile();
        var (drifted, intact) = (DriftFleet.UniqueName("number"), DriftFleet.UniqueName("intact"));
        using var errors = new MetricRecorder("mcpfleet.tool.errors", "error.type", serverPrefix: drifted);
        await using var fleet = DriftFleet.Create(
            null,
            (TestServers.Stdio(drifted, "--tools", "echo", "math_calc", "--variant", "echo-number-message", "--journal", journal.Path), ["echo", "math_calc"]),
            (TestServers.Stdio(intact, "--tools", "echo", "math_calc"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(drifted));

        Assert.Equal((drifted, "echo", false), (refused.ServerName, refused.ToolName, refused.IsServerBlocked));
        Assert.Equal([new DriftChange("echo", DriftChangeKind.ParameterTypeChanged, "parameter 'message': type string → number")], refused.Changes);
        Assert.Contains("parameter 'message': type string → number (breaking)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(42, (await fleet.CalcAsync(drifted)).Result);
        Assert.Equal("still here", (await fleet.EchoAsync(intact, "still here")).Text);

        // The server ran math_calc only: the refused echo never reached it.
        Assert.Equal(["math_calc"], ToolCallJournalFile.Executions(journal.Path).Select(entry => entry.Tool));
        var detected = Assert.Single(fleet.Events);
        Assert.Equal(drifted, detected.ServerName);
        Assert.Equal(["echo"], detected.BlockedTools);

        // The variant also words the parameter's description differently: that is warned about, not blocked.
        Assert.Equal(
            [(DriftChangeKind.ParameterTypeChanged, DriftAction.Block), (DriftChangeKind.ParameterDescriptionChanged, DriftAction.Warn)],
            detected.Decisions.Select(d => (d.Change.Kind, d.Action)));
        Assert.Contains(fleet.DriftWarnings, m => m.Contains($"Server '{drifted}': tool 'echo' differs from its snapshot (breaking: parameter 'message': type string → number); action: block.", StringComparison.Ordinal));
        Assert.Equal(2, fleet.CountedChanges(drifted));
        Assert.True(errors["drift_blocked"] >= 1);
    }

    [Fact]
    public async Task A_new_required_parameter_blocks_the_tool()
    {
        var name = DriftFleet.UniqueName("required");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-required-param"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(name));

        Assert.Equal([new DriftChange("echo", DriftChangeKind.RequiredParameterAdded, "new required parameter 'prefix' (string)")], refused.Changes);
        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
    }

    [Fact]
    public async Task A_removed_tool_is_refused_by_the_fleet()
    {
        var name = DriftFleet.UniqueName("removed");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.CalcAsync(name));

        Assert.Equal([new DriftChange("math_calc", DriftChangeKind.ToolRemoved, "tool removed")], refused.Changes);
        Assert.Equal("hello", (await fleet.EchoAsync(name)).Text);
    }

    [Fact]
    public async Task A_blocked_replica_is_passed_over_for_one_that_matches()
    {
        using var journal = new TemporaryFile();
        var service = DriftFleet.UniqueName("replicated");
        await using var fleet = DriftFleet.Create(
            null,
            (TestServers.Stdio(service, "--tools", "echo", "math_calc"), ["echo", "math_calc"]),
            (TestServers.Stdio($"{service}-2", "--tools", "echo", "math_calc", "--variant", "echo-number-message", "--journal", journal.Path) with { ReplicaOf = service }, []));
        await fleet.Runtime.ConnectAsync();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal($"call {i}", (await fleet.EchoAsync(service, $"call {i}")).Text);
        }

        Assert.Equal(0, TestServers.JournalLines(journal.Path));
        Assert.Equal($"{service}-2", Assert.Single(fleet.Events).ServerName);
    }
}
