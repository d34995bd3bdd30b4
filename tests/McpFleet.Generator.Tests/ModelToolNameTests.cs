using System.Globalization;
using System.Text;
using McpFleet.Generator.Naming;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Every tool gets a model-facing name, <c>server__tool</c>, within 64 characters of <c>[A-Za-z0-9_-]</c>, unique in the
/// fleet and reversible through <c>FleetManifest.FindByModelName</c>.
/// </summary>
public sealed class ModelToolNameTests
{
    [Fact]
    public void Names_join_server_and_tool_and_lead_back_to_the_tool()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("replicas"), null);

        var manifest = fleet.Manifest();
        Assert.Equal(
            [
                "sample-east__echo", "sample-east__get_time", "sample-east__list_files", "sample-east__math_calc", "sample-east__run_command",
                "sample-west__echo", "sample-west__get_time", "sample-west__list_files", "sample-west__math_calc", "sample-west__run_command",
            ],
            manifest.ModelToolNames.Select(n => n.Name));
        Assert.All(manifest.ModelToolNames, name => Assert.Same(name.Tool, manifest.FindByModelName(name.Name)));
        Assert.Equal(("sample-west", "run_command"), (manifest.FindByModelName("sample-west__run_command")!.ServerName, manifest.FindByModelName("sample-west__run_command")!.ToolName));
        Assert.Null(manifest.FindByModelName("sample-west__nothing"));
        Assert.Contains("//   sample-east: sample-east__echo, sample-east__get_time, sample-east__list_files, sample-east__math_calc, sample-east__run_command\n", fleet.Output.Source("McpFleet.ConflictReport.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_outside_the_allowed_set_are_replaced_and_the_name_gets_a_stable_hash()
    {
        var snapshot = TestSnapshot.WithTools("""[ { "name": "get item/2", "inputSchema": { "type": "object" } }, { "name": "ok", "inputSchema": { "type": "object" } } ]""", "my.server");

        using var fleet = CompiledFleet.Generate([snapshot], null);

        var expected = "my_server__get_item_2-" + Fnv1a("my.server\0get item/2").ToString("x8", CultureInfo.InvariantCulture);
        var manifest = fleet.Manifest();
        Assert.Equal([expected, "my_server__ok-" + Fnv1a("my.server\0ok").ToString("x8", CultureInfo.InvariantCulture)], manifest.ModelToolNames.Select(n => n.Name));
        Assert.Equal("get item/2", manifest.FindByModelName(expected)!.ToolName);
        var warning = DiagnosticAssert.Single(fleet.Output, "MCPF0106");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(
            $"Server 'my.server': model-facing tool names must be at most 64 characters from A-Z, a-z, 0-9, '_' and '-', so these get a hash suffix: 'my.server__get item/2' -> '{expected}', 'my.server__ok' -> '{manifest.ModelToolNames[1].Name}'",
            warning.Message());
        Assert.Contains($"{expected} (for 'get item/2', shortened with a hash)", fleet.Output.Source("McpFleet.ConflictReport.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_are_cut_to_64_characters_and_stay_unique()
    {
        var first = new string('a', 70) + "x";
        var second = new string('a', 70) + "y";
        var fitting = new string('b', 64 - "s__".Length);
        var snapshot = TestSnapshot.WithTools(
            $$"""[ { "name": "{{first}}", "inputSchema": { "type": "object" } }, { "name": "{{second}}", "inputSchema": { "type": "object" } }, { "name": "{{fitting}}", "inputSchema": { "type": "object" } } ]""",
            "s");

        using var fleet = CompiledFleet.Generate([snapshot], null);

        var names = fleet.Manifest().ModelToolNames.Select(n => n.Name).ToList();
        Assert.Equal("s__" + new string('a', 52) + "-" + Fnv1a("s\0" + first).ToString("x8", CultureInfo.InvariantCulture), names[0]);
        Assert.Equal(64, names[0].Length);
        Assert.NotEqual(names[0], names[1]);
        Assert.Equal("s__" + fitting, names[2]);
        Assert.Equal(second, fleet.Manifest().FindByModelName(names[1])!.ToolName);
    }

    [Fact]
    public void A_name_taken_by_an_earlier_tool_is_an_error_and_left_out()
    {
        var a = TestSnapshot.WithTools("""[ { "name": "b__c", "inputSchema": { "type": "object" } } ]""", "a");
        var ab = TestSnapshot.WithTools("""[ { "name": "c", "inputSchema": { "type": "object" } } ]""", "a__b");

        using var fleet = CompiledFleet.Generate([ab, a], null);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(fleet.Output, "MCPF0107"),
            "MCPF0107",
            DiagnosticSeverity.Error,
            "The model-facing name 'a__b__c' of tool 'c' on server 'a__b' is already the name of tool 'b__c' on server 'a', so it is left out of the model-facing names. "
                + "Give one of the servers another name (ServerName metadata), or set another separator (\"modelNames\": { \"separator\": \"...\" } in mcpfleet.json).",
            "/snapshots/a__b.snapshot.json",
            line: 5,
            column: 24);
        var manifest = fleet.Manifest();
        Assert.Equal(("a", "b__c"), (manifest.FindByModelName("a__b__c")!.ServerName, manifest.FindByModelName("a__b__c")!.ToolName));
        Assert.Single(manifest.ModelToolNames);
    }

    [Fact]
    public void Another_separator_avoids_the_collision()
    {
        var a = TestSnapshot.WithTools("""[ { "name": "b__c", "inputSchema": { "type": "object" } } ]""", "a");
        var ab = TestSnapshot.WithTools("""[ { "name": "c", "inputSchema": { "type": "object" } } ]""", "a__b");

        var output = GeneratorHarness.Run([a, ab, SnapshotInput.Policy("""{ "modelNames": { "separator": "-" } }""")]).AssertNoException();

        Assert.Empty(output.WithId("MCPF0107"));
        Assert.Contains("new(\"a-b__c\"", output.Source("McpFleet.Fleet.ModelToolNames.g.cs"), StringComparison.Ordinal);
        Assert.Contains("new(\"a__b-c\"", output.Source("McpFleet.Fleet.ModelToolNames.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alpha", "echo", "__", "alpha__echo", false)]
    [InlineData("alpha", "echo", "-", "alpha-echo", false)]
    [InlineData("alpha", "déjà", "__", "alpha__d_j_-", true)]
    [InlineData("alpha", "smile\U0001F600", "__", "alpha__smile_-", true)]
    public void Names_are_joined_or_sanitised(string server, string tool, string separator, string expectedStart, bool changed)
    {
        var (name, isChanged) = ModelToolNames.Create(server, tool, separator);

        Assert.StartsWith(expectedStart, name, StringComparison.Ordinal);
        Assert.Equal(changed, isChanged);
        Assert.Equal(changed ? expectedStart.Length + 8 : expectedStart.Length, name.Length);
    }

    [Fact]
    public void The_hash_is_fnv1a_32_of_the_utf8_of_server_nul_tool()
    {
        // The reference implementation below matches the published FNV-1a test vector.
        Assert.Equal(0xbf9cf968u, Fnv1a("foobar"));
        Assert.Equal(Fnv1a("my.server\0déjà vu"), ModelToolNames.Hash("my.server", "déjà vu"));
    }

    /// <summary>FNV-1a, 32 bits, written independently of the generator's.</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash = unchecked(hash * 16777619u);
        }

        return hash;
    }
}
