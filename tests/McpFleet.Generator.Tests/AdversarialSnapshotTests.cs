using System.Diagnostics;
using System.Globalization;
using System.Text;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Inputs that once broke the build or took minutes: each now generates code that compiles (or an MCPF error says
/// why not), in linear time. Generation times are printed, not asserted: the suite runs beside other work; a bound of
/// a minute only guards against a hang.
/// </summary>
public sealed class AdversarialSnapshotTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public void Servers_whose_names_differ_only_by_case_all_generate()
    {
        // Roslyn requires hint names that differ in more than case; these once threw CS8785 and lost the whole fleet.
        using var fleet = CompiledFleet.Generate(
            TestSnapshot.WithTools("""[ { "name": "a", "inputSchema": {} } ]""", server: "filesystem"),
            TestSnapshot.WithTools("""[ { "name": "b", "inputSchema": {} } ]""", server: "file-system"),
            TestSnapshot.WithTools("""[ { "name": "c", "inputSchema": {} } ]""", server: "github"),
            TestSnapshot.WithTools("""[ { "name": "d", "inputSchema": {} } ]""", server: "GitHub"));

        Assert.Equal(
            ["McpFleet.ConflictReport.g.cs", "McpFleet.FileSystem.g.cs", "McpFleet.Filesystem2.g.cs", "McpFleet.Fleet.ModelToolNames.g.cs", "McpFleet.Fleet.g.cs", "McpFleet.GitHub.g.cs", "McpFleet.Github2.g.cs"],
            fleet.Output.Sources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_namespace_named_like_the_fleet_class_is_reported_and_replaced()
    {
        var snapshot = TestSnapshot.WithTools("""[ { "name": "a", "inputSchema": {} } ]""") with { Namespace = "MyApp.Fleet" };

        using var fleet = CompiledFleet.Generate(snapshot);

        Assert.Equal(
            "The namespace 'MyApp.Fleet' set by the Namespace metadata of its McpSnapshot item is, or is inside, the fleet class 'MyApp.Fleet', which would be defined twice, so 'MyApp.Test' is used instead. Choose another namespace, or another McpFleetTypeName.",
            DiagnosticAssert.Single(fleet.Output, "MCPF0012").GetMessage(CultureInfo.InvariantCulture));
        Assert.NotNull(fleet.Type("TestServer"));
    }

    [Fact]
    public void A_lower_case_fleet_type_name_is_reported_and_replaced()
    {
        var options = GeneratorHarness.Properties(("McpFleetTypeName", "fleet"));

        using var fleet = CompiledFleet.Generate([TestSnapshot.WithTools("""[ { "name": "a", "inputSchema": {} } ]""")], options);

        Assert.Contains("not all lower-case", DiagnosticAssert.Single(fleet.Output, "MCPF0009").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotNull(fleet.FleetType());
    }

    [Fact]
    public void Names_beyond_the_metadata_limit_are_shortened()
    {
        var longName = new string('a', 1100);
        var snapshot = TestSnapshot.WithTools($$"""
            [ {
              "name": "{{longName}}",
              "inputSchema": { "type": "object", "properties": {
                "{{longName}}": { "type": "string", "enum": ["{{longName}}", "{{longName}}b"] },
                "{{longName}}c": { "type": "object", "properties": { "{{longName}}": { "type": "integer" } } }
              } }
            } ]
            """, server: new string('s', 600));

        // Compiling is the test (CS7013 otherwise); the names are cut to 128 characters, ending with a hash.
        using var fleet = CompiledFleet.Generate(snapshot);

        Assert.Matches("A" + new string('a', 118) + "_[0-9a-f]{8}Async\\(", string.Concat(fleet.Output.Sources.Values));
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "p": { "type": "object", "properties": { "kind": { "const": "k" } }, "oneOf": [{ "$ref": "#" }] } } }""")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "#/$defs/a" } }, "$defs": { "a": { "oneOf": [{ "$ref": "#/$defs/a" }, { "type": "string" }] } } }""")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "#/$defs/a" } }, "$defs": { "a": { "$ref": "#/$defs/a" } } }""")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "#/$defs/a" } }, "$defs": { "a": { "allOf": [{ "$ref": "#/$defs/b" }, { "$ref": "#/$defs/b" }] }, "b": { "allOf": [{ "$ref": "#/$defs/c" }, { "$ref": "#/$defs/c" }] }, "c": { "allOf": [{ "$ref": "#/$defs/a" }, { "$ref": "#/$defs/a" }, { "properties": { "x": { "type": "string" } } }] } } }""")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "#/$defs/a" } }, "$defs": { "a": { "type": "object", "properties": { "next": { "$ref": "#/$defs/a" } }, "anyOf": [{ "$ref": "#/$defs/a" }, { "required": ["next"] }] } } }""")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "#/$defs/Equals" } }, "$defs": { "Equals": { "type": "object", "properties": { "Equals": { "type": "string" } } } } }""")]
    public void Schemas_that_refer_to_themselves_or_name_record_members_generate(string inputSchema)
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools($$"""[ { "name": "t", "inputSchema": {{inputSchema}}, "outputSchema": {{inputSchema}} } ]"""));

        Assert.NotNull(fleet.Type("TArguments").GetProperty("P"));
    }

    [Fact]
    public void References_that_nest_schemas_past_the_parsers_depth_fall_back_instead_of_exhausting_the_stack()
    {
        // Each definition is shallow, so the parser's depth limit never applies; following the references nests 200
        // levels. On a thread with a 512 KiB stack (csc's worker threads have more), the mapping must stop by itself.
        var definitions = string.Join(", ", Enumerable.Range(0, 100).Select(i => $$""" "d{{i}}": { "type": "array", "items": { "anyOf": [{ "$ref": "#/$defs/d{{i + 1}}" }, { "type": "null" }] } } """.Trim()));
        var snapshot = TestSnapshot.WithTools($$"""[ { "name": "t", "inputSchema": { "type": "object", "properties": { "p": { "$ref": "#/$defs/d0" } }, "$defs": { {{definitions}}, "d100": { "type": "string" } } } } ]""");
        GeneratorOutput? output = null;
        var thread = new Thread(() => output = GeneratorHarness.Run([snapshot]), maxStackSize: 512 * 1024);

        thread.Start();
        thread.Join();

        Assert.NotNull(output);
        Assert.Contains(output.Diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("nests schemas deeper than 64 levels, counting references", StringComparison.Ordinal));
        using var fleet = CompiledFleet.Generate(snapshot);
        Assert.NotNull(fleet.Type("TArguments").GetProperty("P"));
    }

    [Fact]
    public void Leading_blank_lines_in_a_description_cost_linear_time()
    {
        var description = string.Concat(Enumerable.Repeat("\\n", 100_000)) + "Text.";
        var snapshot = TestSnapshot.WithTools($$"""[ { "name": "t", "description": "{{description}}", "inputSchema": { "type": "object", "properties": { "a": { "type": "string", "description": "{{description}}" } } } } ]""");

        var elapsed = Time(snapshot);

        Assert.Contains("/// Text.", GeneratorHarness.Run([snapshot]).Source("McpFleet.Test.g.cs"), StringComparison.Ordinal);
        output.WriteLine($"100,000 leading blank lines: {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Enum_values_that_all_convert_to_one_identifier_cost_linear_time()
    {
        // Punctuation around one letter: every value is the identifier X.
        const string punctuation = "-_./:*~";
        var values = string.Join(", ", Enumerable.Range(0, 10_000).Select(i =>
        {
            var prefix = new StringBuilder();
            for (var n = i + 1; n > 0; n /= punctuation.Length)
            {
                prefix.Append(punctuation[n % punctuation.Length]);
            }

            return "\"" + prefix + "x\"";
        }));
        var snapshot = TestSnapshot.WithInput($$"""{ "mode": { "type": "string", "enum": [{{values}}] } }""");

        var elapsed = Time(snapshot);

        var source = GeneratorHarness.Run([snapshot]).Source("McpFleet.Test.g.cs");
        Assert.Contains("X10000,", source, StringComparison.Ordinal);
        output.WriteLine($"10,000 enum values named X: {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void A_snapshot_of_5000_tools_generates()
    {
        var corpusTools = CorpusSnapshots.All().SelectMany(snapshot => System.Text.Json.JsonDocument.Parse(snapshot.Text).RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetRawText())).ToList();
        var tools = new StringBuilder("[");
        for (var i = 0; i < 5000; i++)
        {
            var tool = corpusTools[i % corpusTools.Count];
            var name = tool.IndexOf("\"name\": \"", StringComparison.Ordinal) + "\"name\": \"".Length;
            tools.Append(i == 0 ? "" : ",").Append(tool.Insert(name, $"t{i}_"));
        }

        var snapshot = TestSnapshot.WithTools(tools.Append(']').ToString());

        var elapsed = Time(snapshot);
        var parsing = Stopwatch.StartNew();
        var parsed = Parsing.SnapshotParser.Parse(
            new Model.SnapshotFile(snapshot.Path, snapshot.Text, null, null, null, null, null, null, null, null),
            new Model.FleetSettings("MyApp", "Fleet", Model.EquatableArray<Diagnostics.DiagnosticInfo>.Empty),
            CancellationToken.None);
        parsing.Stop();

        var generated = GeneratorHarness.Run([snapshot]).AssertNoException();
        Assert.Equal(5000, parsed.Server!.Tools.Count);
        Assert.DoesNotContain(generated.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("T4999", generated.Source("McpFleet.Test.g.cs"), StringComparison.Ordinal);
        output.WriteLine($"5,000 tools ({snapshot.Text.Length / 1024} KiB): {elapsed.TotalMilliseconds:0} ms, of which reading and typing the snapshot {parsing.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>Generates once to warm up, then measures a second run; fails only past the hang guard.</summary>
    private static TimeSpan Time(SnapshotInput snapshot)
    {
        GeneratorHarness.Run([snapshot]).AssertNoException();
        var stopwatch = Stopwatch.StartNew();
        GeneratorHarness.Run([snapshot]).AssertNoException();
        stopwatch.Stop();
        Assert.True(stopwatch.Elapsed < s_hangGuard, $"Generation took {stopwatch.Elapsed}, which looks like a hang.");
        return stopwatch.Elapsed;
    }
}
