using System.Globalization;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Each committed snapshot generates exactly the committed golden files (and diagnostics), so every change to the
/// generated code is reviewed as a diff. Update them with <c>MCPFLEET_UPDATE_GOLDEN=1</c>.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Cases { get; } = new(CommittedSnapshots.All.Select(snapshot => snapshot.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_files_match_the_golden_files(string snapshot)
    {
        var output = GeneratorHarness.Run([CommittedSnapshots.Input(snapshot)]).AssertNoException();

        var files = output.Sources.ToDictionary(source => source.Key, source => source.Value, StringComparer.Ordinal);
        files["diagnostics.txt"] = string.Concat(output.Diagnostics.Select(Describe));
        GoldenFiles.Verify(snapshot, files);
    }

    /// <summary>Colliding snapshot sets (see <c>Conflicts/</c>), with and without a policy: the fleet file's unified methods, the report, the diagnostics.</summary>
    public static TheoryData<string, string, string?> ConflictCases { get; } = new()
    {
        { "conflicts-replicas", "replicas", null },
        { "conflicts-conflict", "conflict", null },
        { "conflicts-skew-policy", "skew", """{ "defaults": { "strategy": "newest-version" }, "tools": { "get_time": { "strategy": "merge" } } }""" },
    };

    [Theory]
    [MemberData(nameof(ConflictCases))]
    public void Conflict_sets_match_their_golden_files(string caseName, string set, string? policy)
    {
        var inputs = policy is null ? ConflictSets.Inputs(set) : ConflictSets.WithPolicy(set, policy);
        var output = GeneratorHarness.Run(inputs).AssertNoException();

        // The server files are the servers' own business (and each alone is covered above): only what grouping produces.
        var files = output.Sources
            .Where(source => source.Key.StartsWith("McpFleet.Fleet", StringComparison.Ordinal) || source.Key == "McpFleet.ConflictReport.g.cs")
            .ToDictionary(source => source.Key, source => source.Value, StringComparer.Ordinal);
        files["diagnostics.txt"] = string.Concat(output.Diagnostics.Select(Describe));
        GoldenFiles.Verify(caseName, files);
    }

    [Fact]
    public void Conflict_resolution_is_deterministic_whatever_the_order_of_the_additional_files()
    {
        var inputs = ConflictSets.WithPolicy("conflict", """{ "servers": { "sample-v1": { "priority": 2 } }, "tools": { "echo": { "strategy": "priority" }, "get_time": { "strategy": "merge" } } }""");
        inputs.AddRange(ConflictSets.Inputs("unrelated"));

        var first = GeneratorHarness.Run(inputs).AssertNoException();
        var reversed = GeneratorHarness.Run(Enumerable.Reverse(inputs)).AssertNoException();
        var rotated = GeneratorHarness.Run(inputs.Skip(2).Concat(inputs.Take(2))).AssertNoException();

        Assert.Equal(first.Sources, reversed.Sources);
        Assert.Equal(first.Sources, rotated.Sources);
        Assert.Equal(first.Diagnostics.Select(Describe), reversed.Diagnostics.Select(Describe));
        Assert.Equal(first.Diagnostics.Select(Describe), rotated.Diagnostics.Select(Describe));
        Assert.Contains("[products] echo: notes-server: notes 3.2.0; sample: sample 1.0.0, sample-v1 1.0.0, sample-v2 2.0.0 -> resolved by the rule priority", first.Source("McpFleet.ConflictReport.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic_whatever_the_order_of_the_snapshots()
    {
        var first = GeneratorHarness.Run(CommittedSnapshots.AllInputs()).Sources;
        var reversed = GeneratorHarness.Run(CommittedSnapshots.AllInputs().Reverse()).Sources;

        Assert.Equal(first, reversed);
        Assert.All(first, source =>
        {
            Assert.DoesNotContain('\r', source.Value);
            Assert.DoesNotContain("/snapshots/", source.Value, StringComparison.Ordinal);

            // The conflict report is comment lines only; every other file ends with its namespace's brace.
            Assert.EndsWith(source.Key == "McpFleet.ConflictReport.g.cs" ? "\n" : "}\n", source.Value, StringComparison.Ordinal);
        });
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{diagnostic.Id} {diagnostic.Severity} {position.Path}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n");
    }
}
