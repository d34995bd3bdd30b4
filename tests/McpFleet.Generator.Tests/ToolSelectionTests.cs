using System.Globalization;
using System.Reflection;
using McpFleet.Generator.Parsing;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// <c>IncludeTools</c> and <c>ExcludeTools</c> on an <c>McpSnapshot</c> item: only the selected tools get proxies, the
/// others stay in the embedded snapshot for the drift check and callable by name.
/// </summary>
public sealed class ToolSelectionTests
{
    private static readonly string[] s_names = ["echo", "get_secret", "get_time", "list_files", "math_calc", "run_command"];

    [Theory]
    [InlineData("echo", "echo", true)]
    [InlineData("echo", "ech", false)]
    [InlineData("echo", "Echo", false)]
    [InlineData("get_*", "get_time", true)]
    [InlineData("get_*", "get_", true)]
    [InlineData("get_*", "list_get_x", false)]
    [InlineData("*_files", "list_files", true)]
    [InlineData("*", "anything", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "a-b-b-c", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("ab*ba", "aba", false)]
    [InlineData("x?y", "xay", false)]
    [InlineData("x?y", "x?y", true)]
    public void An_entry_matches_names_as_written_with_star_for_any_run_of_characters(string entry, string name, bool matches) =>
        Assert.Equal(matches, ToolSelection.Create(entry, null).Selects(name));

    [Fact]
    public void Include_selects_and_exclude_removes_from_the_selection()
    {
        var selection = ToolSelection.Create(" get_* | math_calc|list_files ", "get_secret;list_*");

        Assert.Equal(
            ["get_time", "math_calc"],
            s_names.Where(selection.Selects));
    }

    [Fact]
    public void Only_the_included_tools_get_proxies_and_the_drift_check_keeps_the_whole_snapshot()
    {
        using var fleet = CompiledFleet.Generate(CommittedSnapshots.Input("sample") with { IncludeTools = "math_calc|get_*" });

        Assert.Equal(["GetTimeAsync", "MathCalcAsync"], ProxyMethods(fleet.Type("SampleServer", "Sample")));
        Assert.DoesNotContain(fleet.Output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        var server = Assert.Single(fleet.Manifest().Servers);
        Assert.Equal(["get_time", "math_calc"], server.Tools.Select(tool => tool.ToolName));
        Assert.Equal(
            ["echo", "get_time", "list_files", "math_calc", "run_command"],
            server.SnapshotTools!.Tools.Select(tool => tool.GetProperty("name").GetString()));

        // No code at all for the others: no records, no enums, no descriptor.
        var source = fleet.Output.Source("McpFleet.Sample.g.cs");
        Assert.DoesNotContain("EchoArguments", source, StringComparison.Ordinal);
        Assert.DoesNotContain("RunCommand", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"list_files\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_tools_get_no_proxies()
    {
        using var fleet = CompiledFleet.Generate(CommittedSnapshots.Input("sample") with { ExcludeTools = "run_command|*_files" });

        Assert.Equal(["EchoAsync", "GetTimeAsync", "MathCalcAsync"], ProxyMethods(fleet.Type("SampleServer", "Sample")));
    }

    [Fact]
    public void An_excluded_tool_takes_no_part_in_the_fleets_unified_methods()
    {
        // beta is declared a replica of alpha: they are one logical server, whose shared tools are unified.
        var shared = GeneratorHarness.Run([CommittedSnapshots.Input("alpha"), CommittedSnapshots.Input("beta") with { ReplicaOf = "alpha" }]).AssertNoException();
        var trimmed = GeneratorHarness.Run([CommittedSnapshots.Input("alpha"), CommittedSnapshots.Input("beta") with { ReplicaOf = "alpha", ExcludeTools = "echo" }]).AssertNoException();

        Assert.Contains(" EchoAsync(", shared.Source("McpFleet.Fleet.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(" EchoAsync(", trimmed.Source("McpFleet.Fleet.g.cs"), StringComparison.Ordinal);
        Assert.Contains(" EchoAsync(", trimmed.Source("McpFleet.Alpha.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(" EchoAsync(", trimmed.Source("McpFleet.Beta.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_that_matches_no_tool_is_a_warning_and_the_others_still_apply()
    {
        var output = GeneratorHarness.Run([CommittedSnapshots.Input("sample") with { IncludeTools = "echo|math_calcs", ExcludeTools = "nothing_*" }]).AssertNoException();

        var warnings = output.WithId("MCPF0013");
        Assert.Equal(2, warnings.Count);
        DiagnosticAssert.Is(
            warnings[0],
            "MCPF0013",
            DiagnosticSeverity.Warning,
            "The IncludeTools metadata of snapshot 'sample.snapshot.json' lists 'math_calcs', which matches none of its 5 tools, so it selects nothing. Check the name against the snapshot's tool names, case included.",
            "/snapshots/sample.snapshot.json",
            line: 1,
            column: 1);
        Assert.Contains("The ExcludeTools metadata of snapshot 'sample.snapshot.json' lists 'nothing_*'", warnings[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(" EchoAsync(", output.Source("McpFleet.Sample.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(" MathCalcAsync(", output.Source("McpFleet.Sample.g.cs"), StringComparison.Ordinal);
    }

    private static List<string> ProxyMethods(Type server) =>
        server.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(method => method.Name).Distinct().Order(StringComparer.Ordinal).ToList();
}
