using System.Text.Json;
using McpFleet.Drift;

namespace McpFleet.Tests.Drift;

public sealed class StricterHintsTests
{
    [Fact]
    public void A_tool_whose_live_hints_escalated_is_treated_as_the_live_ones_say()
    {
        var snapshot = new ToolHints(ReadOnly: true);
        var live = new ToolHints(ReadOnly: false, Destructive: true);

        var effective = StricterHints.Of(snapshot, live);

        Assert.False(effective.IsReadOnly);
        Assert.True(effective.IsDestructive);
        Assert.False(effective.IsIdempotent);
    }

    [Fact]
    public void Hints_that_became_safer_live_do_not_loosen_the_snapshots()
    {
        var effective = StricterHints.Of(new ToolHints(Destructive: true, OpenWorld: true), new ToolHints(ReadOnly: true, OpenWorld: false));

        Assert.False(effective.IsReadOnly);
        Assert.True(effective.IsDestructive);
        Assert.True(effective.IsOpenWorld);
    }

    [Fact]
    public void Reads_each_live_tools_annotations()
    {
        using var tools = JsonDocument.Parse("""
            [
              { "name": "get", "annotations": { "readOnlyHint": true } },
              { "name": "put", "annotations": { "destructiveHint": false, "idempotentHint": true } },
              { "name": "bare" }
            ]
            """);

        var hints = StricterHints.ByName([.. tools.RootElement.EnumerateArray()]);

        Assert.Equal(new ToolHints(ReadOnly: true), hints["get"]);
        Assert.Equal(new ToolHints(Destructive: false, Idempotent: true), hints["put"]);
        Assert.Equal(ToolHints.None, hints["bare"]);
    }
}
