using McpFleet.Drift;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>A tool that now claims riskier behaviour is blocked by default; a policy can warn or allow instead.</summary>
public sealed class AnnotationEscalationTests
{
    [Fact]
    public async Task Read_only_becoming_destructive_blocks_the_tool()
    {
        var name = DriftFleet.UniqueName("destructive");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-destructive"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(name));

        Assert.Equal(
            ["read-only → not read-only", "non-destructive → destructive", "idempotent → not idempotent"],
            refused.Changes.Select(c => c.Detail));
        Assert.All(refused.Changes, c => Assert.Equal(DriftClass.AnnotationEscalation, c.Class));
        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
        Assert.Equal(3, fleet.CountedChanges(name));
    }

    [Fact]
    public async Task A_servers_own_policy_can_warn_while_the_fleets_blocks()
    {
        var (lenient, strict) = (DriftFleet.UniqueName("lenient"), DriftFleet.UniqueName("strict"));
        await using var fleet = DriftFleet.Create(
            policy => policy.Servers[lenient] = new DriftServerOptions { AnnotationEscalation = DriftAction.Warn },
            (TestServers.Stdio(lenient, "--tools", "echo", "math_calc", "--variant", "echo-destructive"), ["echo", "math_calc"]),
            (TestServers.Stdio(strict, "--tools", "echo", "math_calc", "--variant", "echo-destructive"), ["echo", "math_calc"]));

        var result = await fleet.EchoAsync(lenient);
        await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(strict));

        Assert.Equal("hello", result.Text);
        var warned = fleet.Events.Single(e => e.ServerName == lenient);
        Assert.All(warned.Decisions, d => Assert.Equal(DriftAction.Warn, d.Action));
        Assert.Empty(warned.BlockedTools);
        Assert.Contains(fleet.DriftWarnings, m => m.Contains($"Server '{lenient}': tool 'echo' differs from its snapshot (annotation escalation: read-only → not read-only); action: warn.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Allow_lets_calls_through_without_a_warning()
    {
        var name = DriftFleet.UniqueName("allowed");
        await using var fleet = DriftFleet.Create(
            policy => policy.AnnotationEscalation = DriftAction.Allow,
            (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-destructive"), ["echo", "math_calc"]));

        var result = await fleet.EchoAsync(name);

        Assert.Equal("hello", result.Text);
        Assert.Equal(3, Assert.Single(fleet.Events).Decisions.Count);
        Assert.Empty(fleet.DriftWarnings);
    }
}
