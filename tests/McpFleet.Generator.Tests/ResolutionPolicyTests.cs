using System.Reflection;
using System.Runtime.CompilerServices;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Each strategy of the conflict policy on colliding snapshot sets: which definition the unified method follows, its
/// members in order, what the compiled code sends, and the diagnostics when a rule cannot be applied.
/// </summary>
public sealed class ResolutionPolicyTests
{
    private const string PolicyPath = "/project/mcpfleet.json";

    [Fact]
    public void Prefer_unifies_the_named_servers_definition_and_leaves_the_other_out()
    {
        using var fleet = CompiledFleet.Generate(
            ConflictSets.WithPolicy("conflict", """{ "tools": { "echo": { "strategy": "prefer", "server": "sample-v2" } } }"""), null);

        var group = fleet.Manifest().ToolGroups.Single(g => g.ToolName == "echo");
        Assert.Equal(ToolGroupResolution.Prefer, group.Resolution);
        Assert.Equal(["sample-v2"], group.Members.Select(m => m.Tool.ServerName));
        Assert.Equal(typeof(long), Parameters(fleet, "EchoAsync")[0].ParameterType);
        Assert.DoesNotContain(fleet.Output.WithId("MCPF0103"), d => d.Message().StartsWith("Tool 'echo'", StringComparison.Ordinal));
        Assert.Equal(
            "Tool 'echo' is offered by servers 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0: resolved by the rule prefer 'sample-v2', so fleet.EchoAsync calls 'sample-v2'",
            DiagnosticAssert.Single(fleet.Output, "MCPF0101").Message());
        Assert.Contains(
            "// [conflict] echo: sample-v1 1.0.0, sample-v2 2.0.0 (parameter 'message': string on 'sample-v1' 1.0.0, integer on 'sample-v2' 2.0.0) "
                + "-> resolved by the rule prefer 'sample-v2' -> fleet.EchoAsync targets sample-v2; fleet.SampleV1.EchoAsync only through its own method.\n",
            fleet.Output.Source("McpFleet.ConflictReport.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_picks_the_highest_priority_and_snapshot_metadata_overrides_the_file()
    {
        const string Policy = """{ "servers": { "sample-v1": { "priority": 1 }, "sample-v2": { "priority": 5 } }, "tools": { "math_calc": { "strategy": "priority" } } }""";

        using (var fleet = CompiledFleet.Generate(ConflictSets.WithPolicy("conflict", Policy), null))
        {
            Assert.Equal("MyApp.SampleV2.MathCalcResult", ReturnedResult(fleet, "MathCalcAsync"));
            Assert.Equal(ToolGroupResolution.Priority, fleet.Manifest().ToolGroups.Single(g => g.ToolName == "math_calc").Resolution);
        }

        var inputs = ConflictSets.WithPolicy("conflict", Policy)
            .Select(input => input.Path.EndsWith("sample-v1.snapshot.json", StringComparison.Ordinal) ? input with { Priority = "10" } : input)
            .ToList();
        using var overridden = CompiledFleet.Generate(inputs, null);
        Assert.Equal("MyApp.SampleV1.MathCalcResult", ReturnedResult(overridden, "MathCalcAsync"));
    }

    [Fact]
    public void Priority_ties_go_to_the_server_name_first_in_ordinal_order()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy(
            "replicas", """{ "defaults": { "strategy": "priority" }, "servers": { "sample-east": { "priority": 3 }, "sample-west": { "priority": 3 } } }""")).AssertNoException();

        Assert.Contains("[new(global::MyApp.SampleEast.SampleEastServer.Tools.Echo, Product: \"sample\"),", Flatten(output.Source("McpFleet.Fleet.g.cs")), StringComparison.Ordinal);
        Assert.Contains("global::McpFleet.ToolGroupResolution.Priority);", output.Source("McpFleet.Fleet.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("newest-version", "1.1.0", new[] { "sample-v2", "sample-v1" }, ToolGroupResolution.NewestVersion)]
    [InlineData("oldest-version", "1.1.0", new[] { "sample-v1", "sample-v2" }, ToolGroupResolution.OldestVersion)]
    [InlineData("newest-version", "1.0.0-rc.1", new[] { "sample-v1", "sample-v2" }, ToolGroupResolution.NewestVersion)]
    [InlineData("newest-version", "1.0.0+build.7", new[] { "sample-v1", "sample-v2" }, ToolGroupResolution.NewestVersion)]
    public void Version_strategies_order_the_servers_by_semantic_version(string strategy, string version, string[] members, ToolGroupResolution resolution)
    {
        var inputs = WithVersion(ConflictSets.WithPolicy("skew", $$"""{ "defaults": { "strategy": "{{strategy}}" } }"""), "1.1.0", version);

        using var fleet = CompiledFleet.Generate(inputs, null);

        var echo = fleet.Manifest().ToolGroups.Single(g => g.ToolName == "echo");
        Assert.Equal(members, echo.Members.Select(m => m.Tool.ServerName));
        Assert.Equal(resolution, echo.Resolution);
        Assert.Empty(fleet.Output.WithId("MCPF0113"));
    }

    [Fact]
    public void Build_metadata_does_not_order_versions()
    {
        var inputs = WithVersion(ConflictSets.WithPolicy("skew", """{ "tools": { "get_time": { "strategy": "newest-version" } } }"""), "1.1.0", "1.0.0+build.7");

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        Assert.Contains(
            "because 'sample-v1' 1.0.0 and 'sample-v2' 1.0.0+build.7 have the newest version but define it differently",
            DiagnosticAssert.Single(output, "MCPF0111").Message(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_winner_strategy_keeps_only_the_servers_with_the_winners_definition()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.WithPolicy("skew", """{ "defaults": { "strategy": "newest-version" } }"""), null);

        var listFiles = fleet.Manifest().ToolGroups.Single(g => g.ToolName == "list_files");
        Assert.Equal(["sample-v2"], listFiles.Members.Select(m => m.Tool.ServerName));
        Assert.Equal("MyApp.SampleV2.ListFilesResult", ReturnedResult(fleet, "ListFilesAsync"));
        Assert.Contains(
            "a call goes to server <c>sample-v2</c>. Server <c>sample-v1</c> defines it differently and is reached only through its own property.",
            fleet.Output.Source("McpFleet.Fleet.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_takes_the_union_of_the_parameters_and_each_member_accepts_its_own()
    {
        var alpha = TwoServers.Tool("""{ "q": { "type": "string" }, "limit": { "type": "integer", "default": 10 } }""", "[\"q\"]");
        var beta = TwoServers.Tool("""{ "q": { "type": "string", "description": "The query." }, "exact": { "type": "boolean" } }""", "[\"q\"]");
        var inputs = TwoServers.Of(alpha, beta);

        using var fleet = CompiledFleet.Generate([.. inputs, SnapshotInput.Policy("""{ "tools": { "t": { "strategy": "merge" } } }""")], null);

        var group = Assert.Single(fleet.Manifest().ToolGroups);
        Assert.Equal(ToolGroupResolution.Merge, group.Resolution);
        Assert.Equal(["alpha: limit, q", "beta: exact, q"], group.Members.Select(m => $"{m.Tool.ServerName}: {string.Join(", ", m.AcceptedArguments!)}"));

        // Required where every member requires it: q; the others are optional.
        var parameters = Parameters(fleet, "TAsync");
        Assert.Equal(["q", "exact", "limit", "progress", "cancellationToken"], parameters.Select(p => p.Name));
        Assert.Equal([false, true, true, true, true], parameters.Select(p => p.IsOptional));
        var merged = fleet.FleetNamespaceType("TMergedArguments");
        Assert.NotNull(merged.GetProperty("Q")!.GetCustomAttribute<RequiredMemberAttribute>());
        Assert.Null(merged.GetProperty("Limit")!.GetCustomAttribute<RequiredMemberAttribute>());

        var arguments = CompiledFleet.Create(merged, ("Q", "mcp"), ("Limit", 5L), ("Exact", true));
        Assert.Equal("""{"exact":true,"limit":5,"q":"mcp"}""", CompiledFleet.WriteArguments(arguments));
        Assert.Equal("""{"q":"mcp"}""", CompiledFleet.WriteArguments(CompiledFleet.Create(merged, ("Q", "mcp"))));
    }

    [Fact]
    public void Merge_of_unrelated_servers_sends_each_only_what_it_accepts_and_reuses_their_types()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.WithPolicy("unrelated", """{ "tools": { "echo": { "strategy": "merge" } } }"""), null);

        var group = fleet.Manifest().ToolGroups.Single(g => g.ToolName == "echo");
        Assert.Equal(["notes", "sample"], group.Members.Select(m => m.Tool.ServerName));
        Assert.Equal(["text", "uppercase"], group.Members[0].AcceptedArguments!);
        Assert.Equal(["message"], group.Members[1].AcceptedArguments!);
        Assert.All(Parameters(fleet, "EchoAsync"), parameter => Assert.True(parameter.IsOptional));
        var arguments = CompiledFleet.Create(fleet.FleetNamespaceType("EchoMergedArguments"), ("Message", "hi"), ("Uppercase", true));
        Assert.Equal("""{"message":"hi","uppercase":true}""", CompiledFleet.WriteArguments(arguments));
    }

    [Fact]
    public void Merge_reuses_a_members_enum_type_for_its_parameter()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.WithPolicy("skew", """{ "tools": { "get_time": { "strategy": "merge" } } }"""), null);

        var merged = fleet.FleetNamespaceType("GetTimeMergedArguments");
        var format = fleet.Type("GetTimeFormat", "SampleV2");
        Assert.Equal(typeof(Nullable<>).MakeGenericType(format), merged.GetProperty("Format")!.PropertyType);
        var arguments = CompiledFleet.Create(merged, ("Format", Enum.Parse(format, "Rfc1123")), ("Timezone", "Europe/Paris"));
        Assert.Equal("""{"format":"rfc-1123","timezone":"Europe/Paris"}""", CompiledFleet.WriteArguments(arguments));
        Assert.Equal("MyApp.SampleV1.GetTimeResult", ReturnedResult(fleet, "GetTimeAsync"));
    }

    [Theory]
    [InlineData("echo", "parameter 'message': string on 'sample-v1' 1.0.0, integer on 'sample-v2' 2.0.0")]
    [InlineData("math_calc", "they return different results (the output schemas of 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0 differ)")]
    public void Members_that_cannot_be_merged_are_an_error_at_the_rule(string tool, string problem)
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("conflict", $$"""
            {
              "tools": { "{{tool}}": { "strategy": "merge" } }
            }
            """)).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0112"),
            "MCPF0112",
            DiagnosticSeverity.Error,
            $$"""Tool '{{tool}}' cannot be merged across servers 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0: {{problem}}, so it gets no unified method. Use another strategy for it, e.g. "{{tool}}": { "strategy": "prefer", "server": "sample-v1" }.""",
            PolicyPath,
            line: 2,
            column: 14);
        Assert.DoesNotContain(output.WithId("MCPF0103"), d => d.Message().StartsWith($"Tool '{tool}'", StringComparison.Ordinal));
        Assert.Contains($"-> UNRESOLVED: the rule merge cannot be applied: error MCPF0112.\n", output.Source("McpFleet.ConflictReport.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_only_keeps_the_per_server_methods_only()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.WithPolicy("conflict", """{ "tools": { "run_command": { "strategy": "namespace-only" } } }"""), null);

        Assert.DoesNotContain(fleet.Manifest().ToolGroups, g => g.ToolName == "run_command");
        Assert.DoesNotContain(fleet.FleetType().GetMethods(), m => m.Name == "RunCommandAsync");
        Assert.Equal(
            "Tool 'run_command' is offered by servers 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0: resolved by the rule namespace-only: only the per-server methods are generated",
            DiagnosticAssert.Single(fleet.Output, "MCPF0101").Message());
        Assert.Contains(
            "-> resolved by the rule namespace-only: per-server methods only (fleet.SampleV1.RunCommandAsync, fleet.SampleV2.RunCommandAsync).\n",
            fleet.Output.Source("McpFleet.ConflictReport.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_of_namespace_only_removes_the_unified_methods_of_replicas()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("replicas", """{ "defaults": { "strategy": "namespace-only" } }""")).AssertNoException();

        Assert.DoesNotContain("public static class Groups", output.Source("McpFleet.Fleet.g.cs"), StringComparison.Ordinal);
        Assert.Equal(5, output.WithId("MCPF0101").Count);
    }

    [Fact]
    public void A_rule_for_replicas_reorders_them_and_a_version_default_leaves_them_replicas()
    {
        using var fleet = CompiledFleet.Generate(
            ConflictSets.WithPolicy("replicas", """{ "defaults": { "strategy": "newest-version" }, "tools": { "echo": { "strategy": "prefer", "server": "sample-west" } } }"""), null);

        var groups = fleet.Manifest().ToolGroups;
        Assert.Equal((ToolGroupResolution.Prefer, "sample-west,sample-east"), (groups[0].Resolution, string.Join(",", groups[0].Members.Select(m => m.Tool.ServerName))));
        Assert.All(groups.Skip(1), group => Assert.Equal(ToolGroupResolution.Replicas, group.Resolution));
    }

    [Fact]
    public void Prefer_naming_a_server_outside_the_fleet_is_an_error_at_the_server()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("conflict", """
            {
              "tools": {
                "echo": { "strategy": "prefer", "server": "delta" }
              }
            }
            """)).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0111"),
            "MCPF0111",
            DiagnosticSeverity.Error,
            "Policy 'mcpfleet.json': the rule prefer 'delta' cannot be applied to tool 'echo' because no server named 'delta' is in the fleet (tool 'echo' is offered by 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0), so the tool gets no unified method",
            PolicyPath,
            line: 3,
            column: 47);
        Assert.Contains("McpFleet.SampleV1.g.cs", output.Sources.Keys);
    }

    [Fact]
    public void Prefer_naming_a_server_that_lacks_the_tool_is_an_error()
    {
        var inputs = ConflictSets.WithPolicy("conflict", """{ "tools": { "get_time": { "strategy": "prefer", "server": "notes" } } }""");
        inputs.AddRange(ConflictSets.Inputs("unrelated").Where(i => i.Path.EndsWith("notes.snapshot.json", StringComparison.Ordinal)));

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        Assert.EndsWith(
            "because server 'notes' does not offer it (it is offered by 'sample-v1' 1.0.0 and 'sample-v2' 2.0.0), so the tool gets no unified method",
            DiagnosticAssert.Single(output, "MCPF0111").Message(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_without_any_priority_is_an_error()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("conflict", """{ "tools": { "math_calc": { "strategy": "priority" } } }""")).AssertNoException();

        Assert.Equal(
            "Policy 'mcpfleet.json': the rule priority cannot be applied to tool 'math_calc' because none of its servers ('sample-v1', 'sample-v2') has a priority; "
                + "set one under \"servers\" in mcpfleet.json or with Priority metadata on the McpSnapshot item, so the tool gets no unified method",
            DiagnosticAssert.Single(output, "MCPF0111").Message());
    }

    [Fact]
    public void A_version_that_is_not_semantic_is_an_error_at_the_version()
    {
        var inputs = WithVersion(ConflictSets.WithPolicy("skew", """{ "defaults": { "strategy": "newest-version" } }"""), "1.1.0", "nightly");

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0113"),
            "MCPF0113",
            DiagnosticSeverity.Error,
            "Server 'sample-v2' has version 'nightly', which is not a semantic version, so newest-version cannot order the servers of tools 'echo', 'get_time', 'list_files', 'math_calc' and 'run_command', "
                + "and there is no unified method. Versions are compared as Semantic Versioning 2.0 (e.g. 1.4.0-beta.2): fix the version, or use prefer or priority instead.",
            "/snapshots/sample-v2.snapshot.json",
            line: 7,
            column: 16);
        Assert.Empty(output.WithId("MCPF0102"));
        Assert.DoesNotContain("public static class Groups", output.Source("McpFleet.Fleet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_strategy_cannot_choose_between_definitions_at_the_same_version()
    {
        var inputs = WithVersion(ConflictSets.WithPolicy("conflict", """{ "tools": { "echo": { "strategy": "newest-version" } } }"""), "2.0.0", "1.0.0");

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        Assert.Equal(
            "Policy 'mcpfleet.json': the rule newest-version cannot be applied to tool 'echo' because 'sample-v1' 1.0.0 and 'sample-v2' 1.0.0 have the newest version but define it differently, so the tool gets no unified method",
            DiagnosticAssert.Single(output, "MCPF0111").Message());
    }

    [Fact]
    public void The_file_and_the_msbuild_forms_of_a_policy_generate_the_same_code()
    {
        var file = GeneratorHarness.Run(ConflictSets.WithPolicy("conflict", """
            { "tools": { "echo": { "strategy": "prefer", "server": "sample-v1" }, "math_calc": { "strategy": "newest-version" }, "run_command": { "strategy": "namespace-only" } } }
            """)).AssertNoException();
        var msbuild = GeneratorHarness.Run(
            ConflictSets.Inputs("conflict"),
            GeneratorHarness.Properties(("McpFleetToolRules", "echo=prefer=sample-v1|math_calc=newest-version=|run_command=namespace-only="))).AssertNoException();

        Assert.Equal(file.Source("McpFleet.Fleet.g.cs"), msbuild.Source("McpFleet.Fleet.g.cs"));
        Assert.Equal(
            file.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Select(d => d.Id),
            msbuild.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Select(d => d.Id));
    }

    private static List<SnapshotInput> WithVersion(List<SnapshotInput> inputs, string from, string to) =>
        inputs.Select(input => input with { Text = input.Text.Replace($"\"version\": \"{from}\"", $"\"version\": \"{to}\"", StringComparison.Ordinal) }).ToList();

    /// <summary>The parameters of the fleet's unified method that takes them one by one (not the arguments record).</summary>
    private static ParameterInfo[] Parameters(CompiledFleet fleet, string method) =>
        fleet.FleetType().GetMethods().Single(m => m.Name == method && !m.GetParameters()[0].ParameterType.Name.EndsWith("Arguments", StringComparison.Ordinal)).GetParameters();

    private static string ReturnedResult(CompiledFleet fleet, string method) =>
        fleet.FleetType().GetMethods().First(m => m.Name == method).ReturnType.GetGenericArguments()[0].FullName!;

    private static string Flatten(string source) => string.Concat(source.Split('\n').Select(line => line.Trim()));
}
