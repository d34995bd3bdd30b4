using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Generator.Tests.Infrastructure;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Each server's descriptor points at its snapshot, which the build embeds in the assembly, so that the runtime can
/// check live servers against the snapshot's tools; the generated code itself holds no tool definition.
/// </summary>
public sealed class SnapshotToolsTests
{
    [Fact]
    public void The_descriptor_reads_the_snapshots_tools_from_the_embedded_snapshot()
    {
        const string Tools = """
            [
              { "name": "b", "description": "Second.", "inputSchema": { "type": "object", "properties": { "n": { "type": "number", "default": 1.50 } } } },
              { "name": "a", "inputSchema": { "type": "object" }, "annotations": { "readOnlyHint": true }, "_meta": { "kept": [1, null, false] } }
            ]
            """;
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools(Tools));

        var tools = Assert.Single(fleet.Manifest().Servers).SnapshotTools!.Tools;

        // Kept as the snapshot has them, in its order, with numbers as written.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Tools), JsonNode.Parse(JsonSerializer.Serialize(tools))));
        Assert.Equal("1.50", tools[0].GetProperty("inputSchema").GetProperty("properties").GetProperty("n").GetProperty("default").GetRawText());
    }

    [Fact]
    public void The_generated_code_names_the_resource_and_holds_no_definition()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""[ { "name": "t", "inputSchema": { "type": "object" }, "_meta": { "marker": "only-in-the-snapshot" } } ]"""));

        var source = fleet.Output.Source("McpFleet.Test.g.cs");

        Assert.Contains(
            "SnapshotTools: global::McpFleet.Snapshots.SnapshotTools.FromResource(typeof(global::MyApp.Test.TestServer).Assembly, \"McpFleet/test.snapshot.json\"));",
            source,
            StringComparison.Ordinal);
        Assert.DoesNotContain("only-in-the-snapshot", source, StringComparison.Ordinal);
        Assert.Equal("only-in-the-snapshot", Assert.Single(Assert.Single(fleet.Manifest().Servers).SnapshotTools!.Tools).GetProperty("_meta").GetProperty("marker").GetString());
    }

    [Fact]
    public void Any_text_survives_the_embedded_snapshot()
    {
        const string Tools = """
            [ { "name": "t", "description": "quotes \" \"\"\" backslash \\ newline \n tab \t nul \u0000 separators \u2028\u2029 bidi \u202E emoji 😀 end", "inputSchema": { "type": "object" } } ]
            """;
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools(Tools));

        var tool = Assert.Single(Assert.Single(fleet.Manifest().Servers).SnapshotTools!.Tools);

        Assert.Equal(
            "quotes \" \"\"\" backslash \\ newline \n tab \t nul \0 separators \u2028\u2029 bidi \u202E emoji 😀 end",
            tool.GetProperty("description").GetString());
    }

    [Fact]
    public void A_server_without_tools_has_none()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("[]"));

        Assert.Empty(Assert.Single(fleet.Manifest().Servers).SnapshotTools!.Tools);
    }

    [Fact]
    public void A_snapshot_the_host_does_not_embed_leaves_the_server_unchecked()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""[ { "name": "t", "inputSchema": { "type": "object" } } ]""") with { IsEmbedded = false });

        Assert.Null(Assert.Single(fleet.Manifest().Servers).SnapshotTools);
    }

    [Theory]
    [InlineData("""{ "tools": { "listChanged": true } }""", true)]
    [InlineData("""{ "tools": { "listChanged": false } }""", false)]
    [InlineData("""{ "tools": {} }""", false)]
    [InlineData("""{ "tools": { "listChanged": "yes" } }""", false)]
    [InlineData("[]", false)]
    public void The_descriptor_says_whether_the_snapshot_declares_that_its_tools_can_change(string capabilities, bool canChange)
    {
        using var fleet = CompiledFleet.Generate(new SnapshotInput("/snapshots/test.snapshot.json", $$"""
            { "formatVersion": 1, "name": "test", "protocolVersion": "2025-11-25", "capabilities": {{capabilities}}, "tools": [] }
            """));

        Assert.Equal(canChange, Assert.Single(fleet.Manifest().Servers).ToolsCanChange);
    }
}
