using System.Text.Json.Nodes;
using McpFleet.Generator.Tests.Infrastructure;

namespace McpFleet.Generator.Tests;

/// <summary>Each server's descriptor carries its snapshot's tools, which the runtime checks live servers against.</summary>
public sealed class SnapshotToolsTests
{
    [Fact]
    public void The_descriptor_holds_the_snapshots_tools_as_json()
    {
        const string Tools = """
            [
              { "name": "b", "description": "Second.", "inputSchema": { "type": "object", "properties": { "n": { "type": "number", "default": 1.50 } } } },
              { "name": "a", "inputSchema": { "type": "object" }, "annotations": { "readOnlyHint": true }, "_meta": { "kept": [1, null, false] } }
            ]
            """;
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools(Tools));

        var server = Assert.Single(fleet.Manifest().Servers);

        // Kept as the snapshot has them, in its order, with numbers as written.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Tools), JsonNode.Parse(server.SnapshotTools!)), server.SnapshotTools);
        Assert.Contains("1.50", server.SnapshotTools, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_survives_the_csharp_literal()
    {
        const string Tools = """
            [ { "name": "t", "description": "quotes \" \"\"\" backslash \\ newline \n tab \t nul \u0000 separators \u2028\u2029 bidi \u202E emoji 😀 end", "inputSchema": { "type": "object" } } ]
            """;
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools(Tools));

        var server = Assert.Single(fleet.Manifest().Servers);

        Assert.Equal(
            "quotes \" \"\"\" backslash \\ newline \n tab \t nul \0 separators \u2028\u2029 bidi \u202E emoji 😀 end",
            JsonNode.Parse(server.SnapshotTools!)![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void A_server_without_tools_has_an_empty_array()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("[]"));

        Assert.Equal("[]", Assert.Single(fleet.Manifest().Servers).SnapshotTools);
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
