using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// The conflict policy in its two forms (mcpfleet.json and MSBuild), their precedence, and malformed policies: each
/// problem is a diagnostic with its place, never an exception, and the rest of the fleet still generates.
/// </summary>
public sealed class PolicyParsingTests
{
    private const string PolicyPath = "/project/mcpfleet.json";
    private const string SeeDocs = " See docs/conflicts.md for the policy format.";

    [Fact]
    public void An_msbuild_tool_rule_overrides_the_files_rule_for_that_tool()
    {
        using var fleet = CompiledFleet.Generate(
            ConflictSets.WithPolicy("conflict", """{ "tools": { "echo": { "strategy": "prefer", "server": "sample-v1" }, "math_calc": { "strategy": "newest-version" } } }"""),
            GeneratorHarness.Properties(("McpFleetToolRules", "echo=prefer=sample-v2")));

        var groups = fleet.Manifest().ToolGroups;
        Assert.Equal(["echo: sample-v2", "list_files: sample-v2, sample-v1", "math_calc: sample-v2"], groups.Select(g => $"{g.ToolName}: {string.Join(", ", g.Members.Select(m => m.Tool.ServerName))}"));
        Assert.Contains(
            "// Policy: mcpfleet.json, McpFleetToolRules; default strategy: none; 2 tool rules.\n",
            fleet.Output.Source("McpFleet.ConflictReport.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_msbuild_default_and_separator_override_the_files()
    {
        using var fleet = CompiledFleet.Generate(
            ConflictSets.WithPolicy("skew", """{ "defaults": { "strategy": "newest-version" }, "modelNames": { "separator": "--" } }"""),
            GeneratorHarness.Properties(("McpFleetDefaultStrategy", "oldest-version"), ("McpFleetModelNameSeparator", "_x_")));

        var echo = fleet.Manifest().ToolGroups.Single(g => g.ToolName == "echo");
        Assert.Equal((ToolGroupResolution.OldestVersion, "sample-v1"), (echo.Resolution, echo.Members[0].Tool.ServerName));
        Assert.Equal("sample-v1_x_echo", fleet.Manifest().ModelToolNames[0].Name);
    }

    [Fact]
    public void A_default_can_prefer_a_server_in_msbuild_form()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("conflict"), GeneratorHarness.Properties(("McpFleetDefaultStrategy", "prefer=sample-v2")));

        Assert.Equal(5, fleet.Manifest().ToolGroups.Count);
        Assert.All(fleet.Manifest().ToolGroups, group => Assert.Equal(("sample-v2", ToolGroupResolution.Prefer), (group.Members[0].Tool.ServerName, group.Resolution)));
        Assert.DoesNotContain(fleet.Output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("""{ "tools": { "echo": { "strategy": "prefer", } } }""", 1, 46, "the file is not valid JSON: a comma must not follow the last property of an object, so the policy file is ignored")]
    [InlineData("""[ "echo" ]""", 1, 1, "the top-level value must be a JSON object, so the policy file is ignored")]
    [InlineData("""{ "tools": { "echo": { "strategy": "first" } } }""", 1, 36, "'first' is not a strategy; use one of namespace-only, prefer, priority, newest-version, oldest-version, merge, so the rule for tool 'echo' is ignored")]
    [InlineData("""{ "tools": { "echo": { "strategy": 1 } } }""", 1, 36, "tools.echo.strategy must be a string, one of namespace-only, prefer, priority, newest-version, oldest-version, merge, so the rule for tool 'echo' is ignored")]
    [InlineData("""{ "tools": { "echo": { "strategy": "prefer" } } }""", 1, 22, "tools.echo uses 'prefer' but names no \"server\" to prefer, so the rule for tool 'echo' is ignored")]
    [InlineData("""{ "tools": { "echo": "prefer" } }""", 1, 22, "tools.echo must be an object such as { \"strategy\": \"prefer\", \"server\": \"alpha\" }, so the rule for tool 'echo' is ignored")]
    [InlineData("""{ "servers": { "sample-v1": { "priority": "high" } } }""", 1, 43, "servers[\"sample-v1\"].priority must be a number, not \"high\", so the server has no priority")]
    [InlineData("""{ "servers": { "sample-v1": { "replicaOf": 3 } } }""", 1, 44, "servers[\"sample-v1\"].replicaOf must be the name of another server of the fleet, not 3, so the server is not declared a replica")]
    [InlineData("""{ "servers": { "sample-v1": { "rank": 3 } } }""", 1, 31, "'rank' is not a setting here (expected priority or replicaOf), so it is ignored")]
    [InlineData("""{ "tool": { } }""", 1, 3, "'tool' is not a setting here (expected defaults, servers, tools or modelNames), so it is ignored")]
    [InlineData("""{ "defaults": { "strategy": "merge", "server": "sample-v1" } }""", 1, 48, "defaults.server applies only to the 'prefer' strategy, so it is ignored")]
    [InlineData("""{ "defaults": { "strategy": "merge", "when": "always" } }""", 1, 38, "'when' is not a setting here (expected strategy or server), so it is ignored")]
    public void A_malformed_policy_file_is_reported_where_it_is_wrong_and_the_fleet_still_generates(string policy, int line, int column, string problem)
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.WithPolicy("conflict", policy), null);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(fleet.Output, "MCPF0109"),
            "MCPF0109",
            DiagnosticSeverity.Error,
            $"Policy 'mcpfleet.json': {problem}.{SeeDocs}",
            PolicyPath,
            line,
            column);
        Assert.Contains("McpFleet.SampleV1.g.cs", fleet.Output.Sources.Keys);
        Assert.Contains("McpFleet.ConflictReport.g.cs", fleet.Output.Sources.Keys);
    }

    [Fact]
    public void A_priority_metadata_that_is_not_a_number_is_reported_on_the_snapshot()
    {
        var inputs = ConflictSets.Inputs("conflict").Select((input, i) => i == 0 ? input with { Priority = "high" } : input).ToList();

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0109"),
            "MCPF0109",
            DiagnosticSeverity.Error,
            $"Policy from the Priority metadata of snapshot 'sample-v1.snapshot.json': the priority 'high' is not a number, so the server has no priority.{SeeDocs}",
            "/snapshots/sample-v1.snapshot.json",
            line: 1,
            column: 1);
    }

    [Theory]
    [InlineData("echo", "the rule 'echo' is not tool=strategy or tool=prefer=server, so it is ignored")]
    [InlineData("echo=fastest=", "'fastest' is not a strategy; use one of namespace-only, prefer, priority, newest-version, oldest-version, merge, so the rule for tool 'echo' is ignored")]
    [InlineData("echo=prefer=", "the rule for tool 'echo' uses 'prefer' but names no server (prefer=server), so the rule for tool 'echo' is ignored")]
    [InlineData("echo=a=b=c", "the rule 'echo=a=b=c' is not tool=strategy or tool=prefer=server, so it is ignored")]
    public void A_malformed_msbuild_rule_is_reported_without_a_location(string rules, string problem)
    {
        var output = GeneratorHarness.Run(ConflictSets.Inputs("conflict"), GeneratorHarness.Properties(("McpFleetToolRules", rules))).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0109"),
            "MCPF0109",
            DiagnosticSeverity.Error,
            $"Policy from the McpFleetToolRules property: {problem}.{SeeDocs}");
    }

    [Fact]
    public void Empty_msbuild_rules_between_separators_are_ignored()
    {
        var output = GeneratorHarness.Run(ConflictSets.Inputs("conflict"), GeneratorHarness.Properties(("McpFleetToolRules", "| echo=namespace-only= ||"))).AssertNoException();

        Assert.Empty(output.WithId("MCPF0109"));
        Assert.Contains("resolved by the rule namespace-only", DiagnosticAssert.Single(output, "MCPF0101").Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_and_priorities_that_match_nothing_are_warnings_at_the_rule()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("unrelated", """
            {
              "servers": { "ghost": { "priority": 1 } },
              "tools": {
                "get_time": { "strategy": "newest-version" },
                "nope": { "strategy": "namespace-only" }
              }
            }
            """)).AssertNoException();

        var warnings = output.WithId("MCPF0110");
        Assert.Equal(3, warnings.Count);
        DiagnosticAssert.Is(
            warnings[0],
            "MCPF0110",
            DiagnosticSeverity.Warning,
            "Policy 'mcpfleet.json': the rule for tool 'get_time' has no effect because only 'sample' offers tool 'get_time', so there is nothing to resolve",
            PolicyPath,
            line: 4,
            column: 5);
        Assert.Equal("Policy 'mcpfleet.json': the rule for tool 'nope' has no effect because no server offers tool 'nope'", warnings[1].Message());
        Assert.Equal("Policy 'mcpfleet.json': the priority of server 'ghost' has no effect because no server of the fleet is named 'ghost'", warnings[2].Message());
    }

    [Fact]
    public void A_default_preferring_a_server_outside_the_fleet_is_one_warning_and_leaves_the_tools_unresolved()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("conflict", """{ "defaults": { "strategy": "prefer", "server": "ghost" } }""")).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0110"),
            "MCPF0110",
            DiagnosticSeverity.Warning,
            "Policy 'mcpfleet.json': the default strategy prefer 'ghost' has no effect because no server of the fleet is named 'ghost'",
            PolicyPath,
            line: 1,
            column: 49);
        Assert.Empty(output.WithId("MCPF0111"));
        Assert.Equal(4, output.WithId("MCPF0103").Count);
    }

    [Fact]
    public void Only_the_first_policy_file_by_path_is_read()
    {
        var inputs = ConflictSets.Inputs("conflict");
        inputs.Add(SnapshotInput.Policy("""{ "tools": { "echo": { "strategy": "namespace-only" } } }""", "/project/b/mcpfleet.json"));
        inputs.Add(SnapshotInput.Policy("""{ "tools": { "echo": { "strategy": "prefer", "server": "sample-v1" } } }""", "/project/a/mcpfleet.json"));

        var output = GeneratorHarness.Run(inputs).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0109"),
            "MCPF0109",
            DiagnosticSeverity.Error,
            $"Policy 'mcpfleet.json': the build has more than one policy file and reads only '/project/a/mcpfleet.json', so this file is ignored.{SeeDocs}",
            "/project/b/mcpfleet.json",
            line: 1,
            column: 1);
        Assert.Contains("resolved by the rule prefer 'sample-v1'", DiagnosticAssert.Single(output, "MCPF0101").Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_separator_is_an_error_and_the_default_is_used()
    {
        var output = GeneratorHarness.Run(ConflictSets.WithPolicy("replicas", """{ "modelNames": { "separator": "::" } }""")).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0108"),
            "MCPF0108",
            DiagnosticSeverity.Error,
            "The model-facing name separator '::' set by 'mcpfleet.json' must be one or more characters from A-Z, a-z, 0-9, '_' and '-', so '__' is used instead",
            PolicyPath,
            line: 1,
            column: 32);
        Assert.Contains("new(\"sample-east__echo\"", output.Source("McpFleet.Fleet.ModelToolNames.g.cs"), StringComparison.Ordinal);

        var msbuild = GeneratorHarness.Run(ConflictSets.Inputs("replicas"), GeneratorHarness.Properties(("McpFleetModelNameSeparator", "a b"))).AssertNoException();
        DiagnosticAssert.Is(
            DiagnosticAssert.Single(msbuild, "MCPF0108"),
            "MCPF0108",
            DiagnosticSeverity.Error,
            "The model-facing name separator 'a b' set by the McpFleetModelNameSeparator property must be one or more characters from A-Z, a-z, 0-9, '_' and '-', so '__' is used instead");
    }

    [Fact]
    public void A_policy_without_snapshots_generates_nothing_and_reports_nothing()
    {
        var output = GeneratorHarness.Run([SnapshotInput.Policy("""{ "tools": { "echo": { "strategy": "merge" } } }""")]).AssertNoException();

        Assert.Empty(output.Sources);
        Assert.Empty(output.Diagnostics);
    }
}
