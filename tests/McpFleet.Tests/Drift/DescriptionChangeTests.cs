using McpFleet.Drift;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Drift;

/// <summary>A changed description, a tool-poisoning vector, warns by default; a policy can block it.</summary>
public sealed class DescriptionChangeTests
{
    [Fact]
    public async Task A_poisoned_description_is_warned_about_and_the_call_goes_through()
    {
        var name = DriftFleet.UniqueName("poisoned");
        await using var fleet = DriftFleet.Create(null, (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-new-description"), ["echo", "math_calc"]));

        var result = await fleet.EchoAsync(name);

        Assert.Equal("hello", result.Text);
        var decision = Assert.Single(Assert.Single(fleet.Events).Decisions);
        Assert.Equal(new DriftDecision(new DriftChange("echo", DriftChangeKind.DescriptionChanged, "description changed"), DriftAction.Warn), decision);
        Assert.Contains($"Server '{name}': tool 'echo' differs from its snapshot (description change: description changed); action: warn.", Assert.Single(fleet.DriftWarnings), StringComparison.Ordinal);
        Assert.Equal(1, fleet.CountedChanges(name));

        // The poisoned text itself is never repeated in the logs.
        Assert.DoesNotContain(fleet.Logs.Messages, m => m.Contains("id_rsa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Description_changes_can_be_blocked()
    {
        var name = DriftFleet.UniqueName("guarded");
        await using var fleet = DriftFleet.Create(
            policy => policy.DescriptionChange = DriftAction.Block,
            (TestServers.Stdio(name, "--tools", "echo", "math_calc", "--variant", "echo-new-description"), ["echo", "math_calc"]));

        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.EchoAsync(name));

        Assert.Equal(DriftClass.DescriptionChange, Assert.Single(refused.Changes).Class);
        Assert.Equal(42, (await fleet.CalcAsync(name)).Result);
    }
}
