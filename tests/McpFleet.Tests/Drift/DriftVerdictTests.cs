using McpFleet.Drift;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>What a verdict refuses, by the policy's actions and block scope.</summary>
public sealed class DriftVerdictTests
{
    private static readonly DriftChange s_escalation = new("echo", DriftChangeKind.AnnotationEscalated, "read-only → not read-only");
    private static readonly DriftChange s_description = new("math_calc", DriftChangeKind.DescriptionChanged, "description changed");
    private static readonly DriftChange s_added = new("ping", DriftChangeKind.ToolAdded, "new tool");

    [Fact]
    public void Tool_scope_blocks_only_the_tools_with_blocked_changes()
    {
        var verdict = DriftVerdict.Decide([s_escalation, s_description, s_added], Policy(DriftBlockScope.Tools));

        Assert.True(verdict.IsBlocked("echo"));
        Assert.False(verdict.IsBlocked("math_calc"));
        Assert.False(verdict.IsBlocked("get_time"));
        Assert.Equal(["echo"], verdict.BlockedTools);
        Assert.Equal([DriftAction.Block, DriftAction.Warn, DriftAction.Allow], verdict.Decisions.Select(d => d.Action));
    }

    [Fact]
    public void Server_scope_blocks_every_tool_once_one_change_is_blocked()
    {
        var verdict = DriftVerdict.Decide([s_escalation, s_description], Policy(DriftBlockScope.Server));

        Assert.True(verdict.IsServerBlocked);
        Assert.True(verdict.IsBlocked("math_calc"));
        Assert.True(verdict.IsBlocked("get_time"));
    }

    [Fact]
    public void Server_scope_blocks_nothing_when_no_change_is_blocked()
    {
        var verdict = DriftVerdict.Decide([s_description, s_added], Policy(DriftBlockScope.Server));

        Assert.False(verdict.IsServerBlocked);
        Assert.False(verdict.IsBlocked("math_calc"));
    }

    [Fact]
    public void A_refused_call_names_the_server_the_tool_and_the_drift()
    {
        var verdict = DriftVerdict.Decide([s_escalation, s_description], Policy(DriftBlockScope.Tools));

        var error = Assert.Throws<ToolBlockedException>(() => verdict.ThrowIfBlocked(new ToolDescriptor("svc", "echo", ToolHints.None), "svc"));

        Assert.Equal(("svc", "echo", "svc", false), (error.ServerName, error.ToolName, error.InstanceName, error.IsServerBlocked));
        Assert.Equal([s_escalation], error.Changes);
        Assert.Equal(
            "Tool 'echo' on server 'svc' is blocked by the drift policy, as its live definition differs from the snapshot: 'echo': read-only → not read-only (annotation escalation). "
            + "Recapture the snapshot (mcpfleet check --update) and rebuild, or change FleetOptions.Drift.",
            error.Message);
    }

    [Fact]
    public void A_call_refused_for_its_server_names_the_replica_and_every_blocked_change()
    {
        var verdict = DriftVerdict.Decide([s_escalation, s_description], Policy(DriftBlockScope.Server));

        var error = Assert.Throws<ToolBlockedException>(() => verdict.ThrowIfBlocked(new ToolDescriptor("svc", "math_calc", ToolHints.None), "svc-2"));

        Assert.True(error.IsServerBlocked);
        Assert.Equal([s_escalation], error.Changes);
        Assert.StartsWith("Tool 'math_calc' was not called: every tool of server 'svc-2' (an instance of 'svc') is blocked by the drift policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_changes_is_the_empty_verdict()
    {
        Assert.Same(DriftVerdict.None, DriftVerdict.Decide([], Policy(DriftBlockScope.Server)));
    }

    private static DriftPolicy Policy(DriftBlockScope scope) => new(DriftAction.Allow, DriftAction.Block, DriftAction.Block, DriftAction.Warn, scope);
}
