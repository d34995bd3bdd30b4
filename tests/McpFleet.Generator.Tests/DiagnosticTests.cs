using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Each diagnostic for a malformed input: its ID, severity, message and location, and that the rest of the fleet
/// still generates.
/// </summary>
public sealed class DiagnosticTests
{
    private const string BrokenPath = "/snapshots/broken.snapshot.json";

    [Fact]
    public void Invalid_json_is_reported_at_the_offending_character()
    {
        var output = RunWithAlpha("""
            {
              "formatVersion": 1,
              "tools": [
                { "name": "a", },
              ]
            }
            """);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0001"),
            "MCPF0001",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json' is not valid JSON: a comma must not follow the last property of an object. Fix the file, or capture the server again with 'mcpfleet capture'.",
            BrokenPath,
            line: 4,
            column: 20);
        AssertOnlyAlphaGenerated(output);
    }

    [Fact]
    public void Tools_that_are_not_an_array_are_reported_and_the_snapshot_is_skipped()
    {
        var output = RunWithAlpha("""
            { "formatVersion": 1, "name": "broken",
              "tools": { "echo": {} } }
            """);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0002"),
            "MCPF0002",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json': tools must be an array of tool definitions, so the snapshot is skipped. Fix the snapshot, or capture the server again with 'mcpfleet capture'.",
            BrokenPath,
            line: 2,
            column: 12);
        AssertOnlyAlphaGenerated(output);
    }

    [Fact]
    public void A_tool_without_a_name_is_skipped_and_the_other_tools_still_generate()
    {
        var output = RunWithAlpha("""
            { "formatVersion": 1, "name": "broken", "tools": [
              { "name": "good", "inputSchema": { "type": "object" } },
              { "title": "No name", "inputSchema": { "type": "object" } }
            ] }
            """);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0002"),
            "MCPF0002",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json': tools[1].name must be a non-empty string, so the tool at tools[1] is skipped. Fix the snapshot, or capture the server again with 'mcpfleet capture'.",
            BrokenPath,
            line: 3,
            column: 3);
        var broken = output.Source("McpFleet.Broken.g.cs");
        Assert.Contains("GoodAsync", broken, StringComparison.Ordinal);
        Assert.Contains("McpFleet.Alpha.g.cs", output.Sources.Keys);
    }

    [Fact]
    public void An_input_schema_that_is_not_an_object_skips_that_tool_only()
    {
        var output = RunWithAlpha("""
            { "formatVersion": 1, "name": "broken", "tools": [
              { "name": "bad", "inputSchema": "object" },
              { "name": "good", "inputSchema": { "type": "object" } }
            ] }
            """);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0002"),
            "MCPF0002",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json': tools[0].inputSchema must be a JSON object (the tool's input schema), so tool 'bad' is skipped. Fix the snapshot, or capture the server again with 'mcpfleet capture'.",
            BrokenPath,
            line: 2,
            column: 35);
        var broken = output.Source("McpFleet.Broken.g.cs");
        Assert.Contains("GoodAsync", broken, StringComparison.Ordinal);
        Assert.DoesNotContain("BadAsync", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_version_is_reported_at_the_version()
    {
        var output = RunWithAlpha("""
            { "formatVersion": 2, "name": "broken", "tools": [] }
            """);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0003"),
            "MCPF0003",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json' has formatVersion 2, but this McpFleet generator reads only formatVersion 1. Update the McpFleet package, or capture the server again with the matching 'mcpfleet capture'.",
            BrokenPath,
            line: 1,
            column: 20);
        AssertOnlyAlphaGenerated(output);
    }

    [Fact]
    public void A_duplicate_tool_is_reported_at_its_second_definition_which_is_skipped()
    {
        var output = RunWithAlpha("""
            { "formatVersion": 1, "name": "broken", "tools": [
              { "name": "twice", "description": "First.", "inputSchema": { "type": "object" } },
              { "name": "twice", "description": "Second.", "inputSchema": { "type": "object" } }
            ] }
            """);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0004"),
            "MCPF0004",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json' lists tool 'twice' more than once, so this later definition is skipped. Keep one definition, or capture the server again.",
            BrokenPath,
            line: 3,
            column: 13);
        // The generated code has the first only (the runtime's drift check reads the embedded snapshot, whole).
        var broken = output.Source("McpFleet.Broken.g.cs");
        Assert.Contains("First.", broken, StringComparison.Ordinal);
        Assert.DoesNotContain("Second.", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_server_name_skips_the_later_snapshot_by_path()
    {
        var first = new SnapshotInput("/a/weather.snapshot.json", """{ "formatVersion": 1, "name": "weather", "tools": [ { "name": "first", "inputSchema": {} } ] }""");
        var second = new SnapshotInput("/b/weather.snapshot.json", """{ "formatVersion": 1, "name": "weather", "tools": [ { "name": "second", "inputSchema": {} } ] }""");

        // Given in reverse order: the path decides, not the order of the additional files.
        var output = GeneratorHarness.Run([second, first]).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0005"),
            "MCPF0005",
            DiagnosticSeverity.Error,
            "Server name 'weather' is used by snapshots '/a/weather.snapshot.json' and '/b/weather.snapshot.json', so '/b/weather.snapshot.json' is skipped. Give one of the servers another name: the 'name' in its snapshot, or ServerName metadata on its McpSnapshot item.",
            "/b/weather.snapshot.json",
            line: 1,
            column: 31);
        var weather = output.Source("McpFleet.Weather.g.cs");
        Assert.Contains("FirstAsync", weather, StringComparison.Ordinal);
        Assert.DoesNotContain("SecondAsync", weather, StringComparison.Ordinal);
        Assert.Equal(
            ["McpFleet.ConflictReport.g.cs", "McpFleet.Fleet.ModelToolNames.g.cs", "McpFleet.Fleet.g.cs", "McpFleet.Weather.g.cs"],
            output.Sources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_server_name_metadata_resolves_a_duplicate()
    {
        var first = new SnapshotInput("/a/weather.snapshot.json", """{ "formatVersion": 1, "name": "weather", "tools": [] }""");
        var second = new SnapshotInput("/b/weather.snapshot.json", """{ "formatVersion": 1, "name": "weather", "tools": [] }""", ServerName: "weather-eu");

        var output = GeneratorHarness.Run([first, second]).AssertNoException();

        Assert.Empty(output.Diagnostics);
        Assert.Contains("public const string Name = \"weather-eu\";", output.Source("McpFleet.WeatherEu.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_without_a_typed_form_is_reported_as_information_at_the_construct()
    {
        var snapshot = TestSnapshot.WithInput("""{ "target": { "anyOf": [{ "type": "string" }], "oneOf": [{ "type": "integer" }] } }""");

        var output = GeneratorHarness.Run([snapshot]).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0006"),
            "MCPF0006",
            DiagnosticSeverity.Info,
            "Tool 't' of server 'test': the schema at 'inputSchema.properties.target' combines anyOf and oneOf, so it is generated as JsonElement",
            snapshot.Path,
            line: 5,
            column: snapshot.Text.Split('\n')[4].IndexOf("[{ \"type\": \"integer\"", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void An_exception_while_reading_a_snapshot_becomes_a_diagnostic_for_that_file()
    {
        var throwing = new TestAdditionalText(BrokenPath, _ => throw new InvalidOperationException("The disk is on fire."));
        var output = GeneratorHarness.Run([new SnapshotInput(BrokenPath, "", File: throwing), CommittedSnapshots.Input("alpha")]).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0008"),
            "MCPF0008",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json' could not be processed because of an unexpected System.InvalidOperationException: The disk is on fire. The other snapshots are still generated; please report this problem with the snapshot attached.",
            BrokenPath,
            line: 1,
            column: 1);
        AssertOnlyAlphaGenerated(output);
    }

    [Fact]
    public void An_invalid_fleet_namespace_is_reported_and_replaced_by_the_root_namespace()
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "MyApp",
            ["build_property.McpFleetNamespace"] = "My App.class",
            ["build_property.McpFleetTypeName"] = "Servers",
        };

        var output = GeneratorHarness.Run([CommittedSnapshots.Input("alpha")], options).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0009"),
            "MCPF0009",
            DiagnosticSeverity.Error,
            "The namespace 'My App.class' set by the McpFleetNamespace property is not valid C#, so 'MyApp' is used instead. Set the McpFleetNamespace property to dot-separated C# identifiers, e.g. 'MyApp.Mcp'.");
        var fleet = output.Source("McpFleet.Servers.g.cs");
        Assert.Contains("namespace MyApp\n", fleet, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class Servers", fleet, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_server_namespace_is_reported_on_its_snapshot()
    {
        var alpha = CommittedSnapshots.Input("alpha") with { Namespace = "2fa.Tools" };

        var output = GeneratorHarness.Run([alpha]).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0009"),
            "MCPF0009",
            DiagnosticSeverity.Error,
            "The namespace '2fa.Tools' set by the Namespace metadata of its McpSnapshot item is not valid C#, so 'MyApp.Alpha' is used instead. Set the Namespace metadata of its McpSnapshot item to dot-separated C# identifiers, e.g. 'MyApp.Weather'.",
            alpha.Path,
            line: 1,
            column: 1);
        Assert.Contains("namespace MyApp.Alpha\n", output.Source("McpFleet.Alpha.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_snapshot_is_reported()
    {
        var unreadable = new TestAdditionalText(BrokenPath, _ => null);
        var output = GeneratorHarness.Run([new SnapshotInput(BrokenPath, "", File: unreadable), CommittedSnapshots.Input("alpha")]).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0010"),
            "MCPF0010",
            DiagnosticSeverity.Error,
            "Snapshot 'broken.snapshot.json' could not be read. Check that the file exists and that the build can read it.",
            BrokenPath,
            line: 1,
            column: 1);
        AssertOnlyAlphaGenerated(output);
    }

    [Fact]
    public void Additional_files_without_the_snapshot_metadata_are_ignored()
    {
        var output = GeneratorHarness.Run([new SnapshotInput("/other/settings.json", "not json at all", IsSnapshot: false)]).AssertNoException();

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.Sources);
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_documentation()
    {
        var descriptors = typeof(Diagnostics.DiagnosticDescriptors).GetFields()
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToList();
        var documentation = File.ReadAllText(Path.Join(McpFleet.Testing.RepositoryPaths.Root, "docs", "diagnostics.md"));
        var releases = File.ReadAllText(Path.Join(McpFleet.Testing.RepositoryPaths.Root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));

        Assert.Equal(30, descriptors.Count);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, descriptor =>
        {
            Assert.Equal("McpFleet", descriptor.Category);
            Assert.Equal($"https://github.com/mcpfleet/mcpfleet/blob/main/docs/diagnostics.md#{descriptor.Id.ToLowerInvariant()}", descriptor.HelpLinkUri);
            Assert.Contains($"## {descriptor.Id}:", documentation, StringComparison.Ordinal);
            Assert.Contains($"{descriptor.Id} | McpFleet | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
        });
    }

    private static GeneratorOutput RunWithAlpha(string brokenText) =>
        GeneratorHarness.Run([new SnapshotInput(BrokenPath, brokenText), CommittedSnapshots.Input("alpha")]).AssertNoException();

    private static void AssertOnlyAlphaGenerated(GeneratorOutput output) =>
        Assert.Equal(
            ["McpFleet.Alpha.g.cs", "McpFleet.ConflictReport.g.cs", "McpFleet.Fleet.ModelToolNames.g.cs", "McpFleet.Fleet.g.cs"],
            output.Sources.Keys.Order(StringComparer.Ordinal));
}
