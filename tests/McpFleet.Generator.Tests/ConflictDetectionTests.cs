using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Tool names offered by several servers are classified as replicas, skew or conflict, on snapshot sets that really
/// collide (copies of the committed sample snapshot under <c>Conflicts/</c>) and on minimal pairs for each rule.
/// </summary>
public sealed class ConflictDetectionTests
{
    private const string V2Path = "/snapshots/sample-v2.snapshot.json";

    [Fact]
    public void Two_instances_of_the_sample_server_are_replicas_and_get_unified_methods()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("replicas"), null);

        Assert.DoesNotContain(fleet.Output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        var info = fleet.Output.WithId("MCPF0101");
        Assert.Equal(5, info.Count);
        DiagnosticAssert.Is(
            info[0],
            "MCPF0101",
            DiagnosticSeverity.Info,
            "Tool 'echo' is offered by servers 'sample-east' 1.0.0 and 'sample-west' 1.0.0: identical definitions, so fleet.EchoAsync routes among 'sample-east' and 'sample-west'",
            "/snapshots/sample-east.snapshot.json",
            line: 20,
            column: 15);
        var groups = fleet.Manifest().ToolGroups;
        Assert.Equal(["echo", "get_time", "list_files", "math_calc", "run_command"], groups.Select(g => g.ToolName));
        Assert.All(groups, group =>
        {
            Assert.Equal(ToolGroupResolution.Replicas, group.Resolution);
            Assert.Equal(["sample-east", "sample-west"], group.Members.Select(m => m.Tool.ServerName));
            Assert.All(group.Members, member => Assert.Null(member.AcceptedArguments));
        });
        Assert.Contains(
            "// [replicas] echo: sample-east 1.0.0, sample-west 1.0.0 (identical) -> fleet.EchoAsync routes among sample-east, sample-west.\n",
            fleet.Output.Source("McpFleet.ConflictReport.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_product_at_a_newer_version_with_compatible_changes_is_skew_unified_newest_first_with_a_warning()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("skew"), null);

        var warnings = fleet.Output.WithId("MCPF0102");
        Assert.Equal(5, warnings.Count);
        DiagnosticAssert.Is(
            warnings.Single(d => d.Message().StartsWith("Tool 'get_time'", StringComparison.Ordinal)),
            "MCPF0102",
            DiagnosticSeverity.Warning,
            "Tool 'get_time' differs between servers 'sample-v1' 1.0.0 and 'sample-v2' 1.1.0: 'sample-v2' 1.1.0 adds optional parameter 'format'. "
                + "fleet.GetTimeAsync follows the newest version and targets 'sample-v2' 1.1.0; to keep that and silence this warning, add to \"tools\" in mcpfleet.json: \"get_time\": { \"strategy\": \"newest-version\" }.",
            V2Path,
            line: 44,
            column: 15);
        Assert.Contains(
            warnings,
            d => d.Message().Contains("'sample-v1' 1.0.0 and 'sample-v2' 1.1.0 have the same definition but different versions. fleet.EchoAsync follows the newest version and routes among 'sample-v2' 1.1.0 and 'sample-v1' 1.0.0, newest first;", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.Message().Contains("the default of parameter 'path': \".\" on 'sample-v1' 1.0.0, \"/\" on 'sample-v2' 1.1.0", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.Message().Contains("'maximum' of parameter 'timeoutSeconds': none on 'sample-v1' 1.0.0, 600 on 'sample-v2' 1.1.0", StringComparison.Ordinal));

        // Newest first: echo, identical at both versions, routes to both; a changed tool goes to the newest only.
        var groups = fleet.Manifest().ToolGroups;
        Assert.All(groups, group => Assert.Equal(ToolGroupResolution.NewestVersion, group.Resolution));
        Assert.Equal(["sample-v2", "sample-v1"], groups.Single(g => g.ToolName == "echo").Members.Select(m => m.Tool.ServerName));
        Assert.Equal(["sample-v2"], groups.Single(g => g.ToolName == "get_time").Members.Select(m => m.Tool.ServerName));
        Assert.Equal(fleet.Type("GetTimeFormat", "SampleV2"), Nullable.GetUnderlyingType(fleet.FleetType().GetMethods().Single(m => m.Name == "GetTimeAsync" && m.GetParameters().Length == 4).GetParameters()[1].ParameterType));
        Assert.Contains(
            "// [skew] get_time: sample-v1 1.0.0, sample-v2 1.1.0 ('sample-v2' 1.1.0 adds optional parameter 'format') -> newest version first, the default for one product's versions (warning MCPF0102) "
                + "-> fleet.GetTimeAsync targets sample-v2; fleet.SampleV1.GetTimeAsync only through its own method.\n",
            fleet.Output.Source("McpFleet.ConflictReport.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Skew_that_versions_cannot_order_waits_for_a_rule()
    {
        var tools = TwoServers.Tool("""{ "a": { "type": "string" } }""");
        var output = GeneratorHarness.Run(TwoServers.Of(tools, TwoServers.Tool("""{ "a": { "type": "string" }, "b": { "type": "string" } }"""))).AssertNoException();

        Assert.Equal(
            "Tool 't' differs between servers 'alpha' 1.0.0 and 'beta' 1.0.0: 'beta' 1.0.0 adds optional parameter 'b'. "
                + "It gets no unified method until a rule says which definition to use; add to \"tools\" in mcpfleet.json: \"t\": { \"strategy\": \"prefer\", \"server\": \"alpha\" }.",
            DiagnosticAssert.Single(output, "MCPF0102").Message());
        Assert.DoesNotContain("public static class Groups", output.Source("McpFleet.Fleet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Incompatible_changes_are_conflicts_that_name_the_servers_versions_and_fields()
    {
        var output = GeneratorHarness.Run(ConflictSets.Inputs("conflict")).AssertNoException();

        var errors = output.WithId("MCPF0103");
        Assert.Equal(4, errors.Count);
        DiagnosticAssert.Is(
            errors[0],
            "MCPF0103",
            DiagnosticSeverity.Error,
            "Tool 'echo' is defined incompatibly by servers 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0: parameter 'message': string on 'sample-v1' 1.0.0, integer on 'sample-v2' 2.0.0. "
                + "Say which definition the fleet uses: add to \"tools\" in mcpfleet.json \"echo\": { \"strategy\": \"prefer\", \"server\": \"sample-v1\" }, "
                + "or \"echo\": { \"strategy\": \"namespace-only\" } to keep only the per-server methods.",
            V2Path,
            line: 20,
            column: 15);
        Assert.Contains("'sample-v2' 2.0.0 adds required parameter 'zone'", errors[1].Message(), StringComparison.Ordinal);
        Assert.Contains("the output schema differs between 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0", errors[2].Message(), StringComparison.Ordinal);
        Assert.Contains("read-only on 'sample-v2' 2.0.0, destructive on 'sample-v1' 1.0.0", errors[3].Message(), StringComparison.Ordinal);

        // list_files did not change: only its version differs.
        Assert.Contains("Tool 'list_files' differs", Assert.Single(output.WithId("MCPF0102")).Message(), StringComparison.Ordinal);
        var report = output.Source("McpFleet.ConflictReport.g.cs");
        Assert.Contains(
            "// [conflict] run_command: sample-v1 1.0.0, sample-v2 2.0.0 (read-only on 'sample-v2' 2.0.0, destructive on 'sample-v1' 1.0.0) -> UNRESOLVED: error MCPF0103.\n",
            report,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Unrelated_products_that_share_tool_names_with_other_parameters_build_green_without_unified_methods()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("unrelated"), null);

        Assert.DoesNotContain(fleet.Output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        Assert.Empty(fleet.Manifest().ToolGroups);
        Assert.DoesNotContain(fleet.FleetType().GetMethods(), m => m.Name is "EchoAsync" or "ListFilesAsync");
        var info = fleet.Output.WithId("MCPF0115");
        Assert.Equal(2, info.Count);
        DiagnosticAssert.Is(
            info[0],
            "MCPF0115",
            DiagnosticSeverity.Info,
            "Tool 'echo' is offered by different products, product 'notes-server' ('notes' 3.2.0) and product 'sample' ('sample' 1.0.0): they are not replicas of one another, "
                + "so each server keeps its own method and there is no unified method. To have one, add to \"tools\" in mcpfleet.json \"echo\": { \"strategy\": \"prefer\", \"server\": \"notes\" } (that server's product) "
                + "or \"echo\": { \"strategy\": \"merge\" } (all of them).",
            "/snapshots/sample.snapshot.json",
            line: 20,
            column: 15);
        Assert.Contains(
            "// [products] echo: notes-server: notes 3.2.0; sample: sample 1.0.0 -> different products, no unified method; per-server methods (fleet.Notes.EchoAsync, fleet.Sample.EchoAsync).\n",
            fleet.Output.Source("McpFleet.ConflictReport.g.cs"),
            StringComparison.Ordinal);

        // The per-server methods are unaffected.
        Assert.Contains("public global::System.Threading.Tasks.Task<global::McpFleet.Tools.TextToolResult> EchoAsync(", fleet.Output.Source("McpFleet.Notes.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_three_servers_the_odd_one_out_is_pointed_at_and_a_server_of_the_others_is_suggested()
    {
        var readOnly = TwoServers.Tool("{}", extraJson: """, "annotations": { "readOnlyHint": true }""");
        var destructive = TwoServers.Tool("{}", extraJson: """, "annotations": { "readOnlyHint": false, "destructiveHint": true }""");
        var output = GeneratorHarness.Run(
            [TwoServers.Snapshot("audit", "1.0.0", destructive), TwoServers.Snapshot("replica-1", "1.0.0", readOnly), TwoServers.Snapshot("replica-2", "1.0.0", readOnly)]).AssertNoException();

        var error = Assert.Single(output.WithId("MCPF0103"));
        Assert.Equal("/snapshots/audit.snapshot.json", error.Location.GetLineSpan().Path);
        Assert.Contains("\"t\": { \"strategy\": \"prefer\", \"server\": \"replica-1\" }", error.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_in_another_order_and_a_type_written_as_a_one_element_array_leave_replicas()
    {
        var output = GeneratorHarness.Run(TwoServers.Of(
            TwoServers.Tool("""{ "q": { "type": "string", "enum": ["a", "b"] }, "n": { "type": ["integer", "null"] } }"""),
            TwoServers.Tool("""{ "q": { "type": ["string"], "enum": ["b", "a"] }, "n": { "type": ["null", "integer"] } }"""))).AssertNoException();

        Assert.DoesNotContain(output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        Assert.Contains("identical definitions", Assert.Single(output.WithId("MCPF0101")).Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Differences_in_documentation_anywhere_in_the_schemas_leave_replicas()
    {
        var alpha = TwoServers.Tool("""{ "q": { "type": "string", "description": "Query.", "title": "Q", "examples": ["a"] }, "filter": { "type": "object", "properties": { "title": { "type": "string", "description": "A property named title." } } } }""");
        var beta = TwoServers.Tool(
            """{ "q": { "type": "string", "description": "What to find.", "$comment": "v2" }, "filter": { "type": "object", "description": "Filter.", "properties": { "title": { "type": "string" } } } }""",
            extraJson: """, "title": "Another title" """);
        var output = GeneratorHarness.Run([.. TwoServers.Of(alpha, beta.Replace("\"type\": \"object\", \"properties\"", "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\", \"properties\"", StringComparison.Ordinal))]).AssertNoException();

        Assert.DoesNotContain(output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        Assert.Contains("Tool 't' is offered by servers 'alpha' 1.0.0 and 'beta' 1.0.0: identical definitions", Assert.Single(output.WithId("MCPF0101")).Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_named_like_a_documentation_keyword_is_compared_as_a_parameter()
    {
        var output = GeneratorHarness.Run(TwoServers.Of(
            TwoServers.Tool("""{ "title": { "type": "string" } }"""),
            TwoServers.Tool("{}"))).AssertNoException();

        Assert.Contains("'alpha' 1.0.0 adds optional parameter 'title'", Assert.Single(output.WithId("MCPF0102")).Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true }""", "{}")]
    [InlineData("""{ "readOnlyHint": true, "destructiveHint": true }""", """{ "readOnlyHint": true, "idempotentHint": true }""")]
    public void Hints_compare_with_the_protocol_defaults_filled_in(string alphaAnnotations, string betaAnnotations)
    {
        var output = GeneratorHarness.Run(TwoServers.Of(
            TwoServers.Tool("{}", extraJson: $", \"annotations\": {alphaAnnotations}"),
            TwoServers.Tool("{}", extraJson: $", \"annotations\": {betaAnnotations}"))).AssertNoException();

        Assert.DoesNotContain(output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        Assert.Single(output.WithId("MCPF0101"));
    }

    [Theory]
    [InlineData("""{ "a": { "type": "string" } }""", "[]", """{ "a": { "type": "string" }, "b": { "type": "string" } }""", "[]", "MCPF0102", "'beta' 1.0.0 adds optional parameter 'b'")]
    [InlineData("""{ "a": { "type": "string" } }""", "[]", """{ "a": { "type": "string" }, "b": { "type": "string" } }""", "[\"b\"]", "MCPF0103", "'beta' 1.0.0 adds required parameter 'b'")]
    [InlineData("""{ "a": { "type": "string" } }""", "[\"a\"]", "{}", "[]", "MCPF0103", "'alpha' 1.0.0 adds required parameter 'a'")]
    [InlineData("""{ "a": { "type": "string" } }""", "[\"a\"]", """{ "a": { "type": "string" } }""", "[]", "MCPF0103", "parameter 'a' is required on 'alpha' 1.0.0, optional on 'beta' 1.0.0")]
    [InlineData("""{ "a": { "type": "string" } }""", "[]", """{ "a": { "type": "integer" } }""", "[]", "MCPF0103", "parameter 'a': string on 'alpha' 1.0.0, integer on 'beta' 1.0.0")]
    [InlineData("""{ "a": { "type": ["string", "null"] } }""", "[]", """{ "a": { "type": "string" } }""", "[]", "MCPF0103", "parameter 'a': string or null on 'alpha' 1.0.0, string on 'beta' 1.0.0")]
    [InlineData("""{ "u": { "type": "string", "enum": ["c", "f"] } }""", "[]", """{ "u": { "type": "string", "enum": ["c", "f", "k"] } }""", "[]", "MCPF0102", "'beta' 1.0.0 allows more values for parameter 'u' (adds \"k\")")]
    [InlineData("""{ "u": { "type": "string", "enum": ["c", "f"] } }""", "[]", """{ "u": { "type": "string", "enum": ["c", "k"] } }""", "[]", "MCPF0103", "parameter 'u' allows different values: [\"c\",\"f\"] on 'alpha' 1.0.0, [\"c\",\"k\"] on 'beta' 1.0.0")]
    [InlineData("""{ "n": { "type": "integer", "default": 10 } }""", "[]", """{ "n": { "type": "integer", "default": 20 } }""", "[]", "MCPF0102", "the default of parameter 'n': 10 on 'alpha' 1.0.0, 20 on 'beta' 1.0.0")]
    [InlineData("""{ "f": { "type": "object", "properties": { "limit": { "type": "integer" } } } }""", "[]", """{ "f": { "type": "object", "properties": { "limit": { "type": "string" } } } }""", "[]", "MCPF0103", "parameter 'f.limit': integer on 'alpha' 1.0.0, string on 'beta' 1.0.0")]
    [InlineData("""{ "f": { "type": "object", "properties": { "a": { "type": "integer" } } } }""", "[]", """{ "f": { "type": "object", "properties": { "a": { "type": "integer" }, "b": { "type": "integer" } } } }""", "[]", "MCPF0102", "'beta' 1.0.0 adds optional parameter 'f.b'")]
    [InlineData("""{ "tags": { "type": "array", "items": { "type": "string" } } }""", "[]", """{ "tags": { "type": "array", "items": { "type": "integer" } } }""", "[]", "MCPF0103", "parameter 'tags': array of string on 'alpha' 1.0.0, array of integer on 'beta' 1.0.0")]
    [InlineData("""{ "v": { "anyOf": [{ "type": "string" }, { "type": "integer" }] } }""", "[]", """{ "v": { "anyOf": [{ "type": "string" }, { "type": "boolean" }] } }""", "[]", "MCPF0103", "parameter 'v' has a different schema on 'alpha' 1.0.0 and 'beta' 1.0.0 ('anyOf' differs)")]
    public void Input_schema_changes_are_classified(string alphaProperties, string alphaRequired, string betaProperties, string betaRequired, string id, string difference)
    {
        var output = GeneratorHarness.Run(TwoServers.Of(TwoServers.Tool(alphaProperties, alphaRequired), TwoServers.Tool(betaProperties, betaRequired))).AssertNoException();

        var diagnostic = DiagnosticAssert.Single(output, id);
        Assert.Contains($"servers 'alpha' 1.0.0 and 'beta' 1.0.0: {difference}.", diagnostic.Message(), StringComparison.Ordinal);
        Assert.Equal(("/snapshots/beta.snapshot.json", 6), (diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    [Theory]
    [InlineData("""{ "readOnlyHint": true }""", """{ "readOnlyHint": false, "destructiveHint": true }""", "MCPF0103", "read-only on 'alpha' 1.0.0, destructive on 'beta' 1.0.0")]
    [InlineData("""{ "destructiveHint": false }""", """{ "destructiveHint": true }""", "MCPF0103", "non-destructive on 'alpha' 1.0.0, destructive on 'beta' 1.0.0")]
    [InlineData("""{ "idempotentHint": true }""", "{}", "MCPF0103", "idempotent on 'alpha' 1.0.0, not on 'beta' 1.0.0")]
    [InlineData("""{ "openWorldHint": false }""", "{}", "MCPF0102", "closed-world on 'alpha' 1.0.0, open-world on 'beta' 1.0.0")]
    public void Annotation_changes_are_classified(string alphaAnnotations, string betaAnnotations, string id, string difference)
    {
        var output = GeneratorHarness.Run(TwoServers.Of(
            TwoServers.Tool("{}", extraJson: $", \"annotations\": {alphaAnnotations}"),
            TwoServers.Tool("{}", extraJson: $", \"annotations\": {betaAnnotations}"))).AssertNoException();

        Assert.Contains($": {difference}.", DiagnosticAssert.Single(output, id).Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_output_schema_is_a_conflict()
    {
        var output = GeneratorHarness.Run(TwoServers.Of(
            TwoServers.Tool("{}", extraJson: """, "outputSchema": { "type": "object", "properties": { "n": { "type": "integer" } } }"""),
            TwoServers.Tool("{}"))).AssertNoException();

        Assert.Contains(": 'alpha' 1.0.0 declares an output schema, 'beta' 1.0.0 does not.", DiagnosticAssert.Single(output, "MCPF0103").Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData(null)]
    public void Identical_definitions_at_different_versions_are_skew(string? betaVersion)
    {
        var tools = TwoServers.Tool("""{ "a": { "type": "string" } }""");
        var output = GeneratorHarness.Run([TwoServers.Snapshot("alpha", "1.0.0", tools), TwoServers.Snapshot("beta", betaVersion, tools)]).AssertNoException();

        var beta = betaVersion is null ? "'beta'" : $"'beta' {betaVersion}";
        Assert.Contains($": 'alpha' 1.0.0 and {beta} have the same definition but different versions.", DiagnosticAssert.Single(output, "MCPF0102").Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Servers_without_versions_and_with_identical_definitions_are_replicas()
    {
        var tools = TwoServers.Tool("""{ "a": { "type": "string" } }""");
        var output = GeneratorHarness.Run([TwoServers.Snapshot("alpha", null, tools), TwoServers.Snapshot("beta", null, tools)]).AssertNoException();

        Assert.Contains("identical definitions", DiagnosticAssert.Single(output, "MCPF0101").Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_servers_are_partitioned_by_definition_and_the_worst_class_counts()
    {
        var inputs = ConflictSets.Inputs("replicas").Concat(ConflictSets.Inputs("conflict").Where(i => i.Path.EndsWith("sample-v2.snapshot.json", StringComparison.Ordinal))).ToList();

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        var echo = output.WithId("MCPF0103").Single(d => d.Message().StartsWith("Tool 'echo'", StringComparison.Ordinal));
        Assert.StartsWith(
            "Tool 'echo' is defined incompatibly by servers 'sample-east' 1.0.0, 'sample-v2' 2.0.0 and 'sample-west' 1.0.0: "
                + "parameter 'message': string on 'sample-east' 1.0.0, integer on 'sample-v2' 2.0.0. ",
            echo.Message(),
            StringComparison.Ordinal);

        // sample-west is identical to sample-east, the first: the diagnostic points at sample-v2, the one that differs.
        Assert.Equal("/snapshots/sample-v2.snapshot.json", echo.Location.GetLineSpan().Path);

        // list_files is unchanged in sample-v2: skew by version, with the replicas in one partition.
        Assert.Contains(
            ": 'sample-east' 1.0.0, 'sample-v2' 2.0.0 and 'sample-west' 1.0.0 have the same definition but different versions.",
            output.WithId("MCPF0102").Single(d => d.Message().StartsWith("Tool 'list_files'", StringComparison.Ordinal)).Message(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_prompts_and_resources_are_classified_and_only_reported()
    {
        const string Catalog = """
            ,
              "prompts": [ { "name": "greet", "description": "Says hello.", "arguments": [ { "name": "who", "required": true } ] }, { "name": "same" } ],
              "resources": [ { "uri": "file:///readme", "name": "readme", "mimeType": "text/markdown" } ],
              "resourceTemplates": [ { "uriTemplate": "file:///{path}", "name": "file", "title": "A file" } ]
            """;
        var beta = Catalog
            .Replace("\"required\": true", "\"required\": false", StringComparison.Ordinal)
            .Replace("text/markdown", "text/plain", StringComparison.Ordinal)
            .Replace("A file", "Any file", StringComparison.Ordinal);
        var output = GeneratorHarness.Run([TwoServers.Snapshot("alpha", "1.0.0", "[]", Catalog), TwoServers.Snapshot("beta", "1.0.0", "[]", beta)]).AssertNoException();

        var warnings = output.WithId("MCPF0104");
        Assert.Equal(2, warnings.Count);
        DiagnosticAssert.Is(
            warnings[0],
            "MCPF0104",
            DiagnosticSeverity.Warning,
            "Prompt 'greet' differs between servers 'alpha' 1.0.0 and 'beta' 1.0.0 (conflict): argument 'who' is required on 'alpha' 1.0.0, optional on 'beta' 1.0.0. McpFleet generates no code for prompts yet, so this is only reported.",
            "/snapshots/beta.snapshot.json",
            line: 7,
            column: 26);
        Assert.Equal(
            "Resource 'file:///readme' differs between servers 'alpha' 1.0.0 and 'beta' 1.0.0 (conflict): 'mimeType': \"text/markdown\" on 'alpha' 1.0.0, \"text/plain\" on 'beta' 1.0.0. McpFleet generates no code for resources yet, so this is only reported.",
            warnings[1].Message());
        var report = output.Source("McpFleet.ConflictReport.g.cs");
        Assert.Contains("// McpFleet conflict report: 2 servers, no tool names are shared, 4 prompts or resources shared.\n", report, StringComparison.Ordinal);
        Assert.Contains("// [replicas] prompt same: alpha 1.0.0, beta 1.0.0 (identical) -> reported only; no code is generated for prompts yet.\n", report, StringComparison.Ordinal);
        Assert.Contains("// [replicas] resource template file:///{path}: alpha 1.0.0, beta 1.0.0 (identical) -> reported only; no code is generated for resource templates yet.\n", report, StringComparison.Ordinal);
        Assert.Contains("// [conflict] prompt greet: alpha 1.0.0, beta 1.0.0 (argument 'who' is required on 'alpha' 1.0.0, optional on 'beta' 1.0.0) -> warning MCPF0104; no code is generated for prompts yet.\n", report, StringComparison.Ordinal);
    }
}
