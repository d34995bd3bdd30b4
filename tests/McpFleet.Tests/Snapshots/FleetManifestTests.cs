using McpFleet.Snapshots;

namespace McpFleet.Tests.Snapshots;

/// <summary><see cref="FleetManifest.FindTool"/>: a snapshot's tools by name, typed or left out by trimming.</summary>
public sealed class FleetManifestTests
{
    private static readonly ToolDescriptor s_typed = new("crm", "crm_get_contact", new ToolHints(ReadOnly: true));

    private static readonly FleetManifest s_manifest = new(
    [
        new ServerDescriptor("crm", "2025-11-25", [s_typed], SnapshotTools.FromJson("""
            [
              { "name": "crm_get_contact", "inputSchema": { "type": "object" }, "annotations": { "readOnlyHint": true } },
              { "name": "crm_import_contacts", "inputSchema": { "type": "object" }, "annotations": { "readOnlyHint": false, "destructiveHint": false, "idempotentHint": true } },
              { "name": "crm_purge", "inputSchema": { "type": "object" } }
            ]
            """)),
        new ServerDescriptor("billing", "2025-11-25", []),
    ]);

    [Fact]
    public void A_typed_tool_is_the_descriptor_the_proxies_use()
    {
        Assert.Same(s_typed, s_manifest.FindTool("crm", "crm_get_contact"));
    }

    [Fact]
    public void A_tool_without_generated_code_carries_the_hints_its_snapshot_recorded()
    {
        var tool = s_manifest.FindTool("crm", "crm_import_contacts");

        Assert.NotNull(tool);
        Assert.Equal(("crm", "crm_import_contacts"), (tool.ServerName, tool.ToolName));
        Assert.True(tool.Hints.IsIdempotent);
        Assert.False(tool.Hints.IsDestructive);
    }

    [Fact]
    public void A_tool_without_annotations_gets_the_protocol_defaults()
    {
        var tool = s_manifest.FindTool("crm", "crm_purge");

        Assert.NotNull(tool);
        Assert.Equal(ToolHints.None, tool.Hints);
        Assert.True(tool.Hints.IsDestructive);
        Assert.False(tool.Hints.IsIdempotent);
    }

    [Theory]
    [InlineData("crm", "crm_export")]
    [InlineData("billing", "crm_purge")]
    [InlineData("unknown", "crm_purge")]
    [InlineData("CRM", "crm_purge")]
    public void An_unknown_server_or_tool_is_not_found(string server, string tool)
    {
        Assert.Null(s_manifest.FindTool(server, tool));
    }
}
