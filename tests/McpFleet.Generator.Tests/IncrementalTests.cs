using McpFleet.Generator.Tests.Infrastructure;
using McpFleet.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Tests;

/// <summary>
/// An edit re-runs only what it affects: C# edits nothing, a snapshot edit that server's parse and file. The steps are
/// those named in <see cref="TrackingNames"/>.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_allSteps =
    [
        TrackingNames.FleetSettings,
        TrackingNames.PolicyProperties,
        TrackingNames.PolicyFiles,
        TrackingNames.Policy,
        TrackingNames.SnapshotFiles,
        TrackingNames.ParsedSnapshots,
        TrackingNames.SnapshotDiagnostics,
        TrackingNames.Servers,
        TrackingNames.CollectedServers,
        TrackingNames.Fleet,
        TrackingNames.FleetDiagnostics,
        TrackingNames.FleetClass,
        TrackingNames.ModelNames,
        TrackingNames.ModelNameDiagnostics,
        TrackingNames.Conflicts,
        TrackingNames.Placements,
        TrackingNames.ServerModels,
    ];

    [Fact]
    public void An_edit_of_unrelated_code_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver([.. CommittedSnapshots.AllInputs(), SnapshotInput.Policy("""{ "tools": { "echo": { "strategy": "merge" } } }""")])
            .RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated; internal static class Code { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in s_allSteps)
        {
            var reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} ran again: {reason}."));
        }
    }

    /// <summary>The generator bench's check at a smaller scale: a fleet of synthetic servers (see <see cref="SyntheticSnapshots"/>).</summary>
    [Fact]
    public void An_edit_of_unrelated_code_leaves_every_step_of_a_synthetic_fleet_cached()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var inputs = SyntheticSnapshots.Create(servers: 8, toolsPerServer: 25).Select(snapshot => new SnapshotInput($"/snapshots/{snapshot.FileName}", snapshot.Json));
        var driver = GeneratorHarness.CreateDriver([.. inputs, SnapshotInput.Policy("""{ "tools": { "ping": { "strategy": "newest-version" } } }""")])
            .RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().Results.Single().GeneratedSources, source => source.HintName == "McpFleet.Tickets.g.cs");

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated; internal static class Code { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Every step, the generator's and the compiler's inputs to it alike, as the bench checks.
        Assert.Empty(s_allSteps.Except(result.TrackedSteps.Keys));
        foreach (var step in result.TrackedSteps.Keys)
        {
            Assert.All(Reasons(result, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} ran again: {reason}."));
        }

        Assert.Equal(8, Reasons(result, TrackingNames.ServerModels).Count);
    }

    [Fact]
    public void An_edit_of_one_snapshot_regenerates_only_that_servers_file()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var inputs = CommittedSnapshots.AllInputs().Select(input => input.WithFixedFile()).ToList();
        var driver = GeneratorHarness.CreateDriver(inputs).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var everything = inputs.Single(input => input.Path.EndsWith("everything.snapshot.json", StringComparison.Ordinal));
        var editedText = everything.Text.Replace("Echoes back the input string", "Echoes the input string back", StringComparison.Ordinal);
        Assert.NotEqual(everything.Text, editedText);
        driver = driver.ReplaceAdditionalText(everything.File!, new TestAdditionalText(everything.Path, editedText));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var serverModels = Reasons(result, TrackingNames.ServerModels);
        Assert.Equal(inputs.Count, serverModels.Count);
        Assert.Single(serverModels, reason => reason == IncrementalStepRunReason.Modified);
        Assert.All(serverModels.Where(reason => reason != IncrementalStepRunReason.Modified), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.Fleet));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.FleetClass));

        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = after.Keys.Where(hint => after[hint] != before[hint]).ToList();
        Assert.Equal(["McpFleet.Everything.g.cs"], changed);
        Assert.Contains("Echoes the input string back", after["McpFleet.Everything.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_tool_leaves_the_fleet_file_cached()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var alpha = CommittedSnapshots.Input("alpha").WithFixedFile();
        var driver = GeneratorHarness.CreateDriver([alpha, CommittedSnapshots.Input("beta")]).RunGenerators(compilation);

        var withTool = alpha.Text.Replace(
            "\"tools\": [",
            "\"tools\": [\n    { \"name\": \"added\", \"inputSchema\": { \"type\": \"object\" } },",
            StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(alpha.File!, new TestAdditionalText(alpha.Path, withTool));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.FleetClass));
        Assert.Contains("AddedAsync", result.GeneratedSources.Single(s => s.HintName == "McpFleet.Alpha.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        // The new tool's model-facing name is in the fleet's name table, a file of its own.
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.ModelNames));
        Assert.Contains("\"alpha__added\"", result.GeneratedSources.Single(s => s.HintName == "McpFleet.Fleet.ModelToolNames.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_that_changes_a_group_regenerates_the_fleet_file_and_that_servers_file()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        // alpha, beta and gamma report their own names: declared replicas of alpha, they are one logical server.
        var inputs = new[]
        {
            CommittedSnapshots.Input("alpha"),
            CommittedSnapshots.Input("beta").WithFixedFile() with { ReplicaOf = "alpha" },
            CommittedSnapshots.Input("gamma") with { ReplicaOf = "alpha" },
        };
        var driver = GeneratorHarness.CreateDriver(inputs).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Contains("public global::System.Threading.Tasks.Task<global::McpFleet.Tools.TextToolResult> EchoAsync(", before["McpFleet.Fleet.g.cs"], StringComparison.Ordinal);

        // beta's echo gains a required parameter: echo is no longer offered identically, so it loses its unified method.
        var beta = inputs[1];
        var editedText = beta.Text.Replace("\"required\": [\n          \"message\"\n        ]", "\"required\": [\n          \"message\", \"prefix\"\n        ]", StringComparison.Ordinal)
            .Replace("\"message\": {\n            \"description\": \"The text to return.\",", "\"prefix\": { \"type\": \"string\" },\n          \"message\": {\n            \"description\": \"The text to return.\",", StringComparison.Ordinal);
        Assert.NotEqual(beta.Text, editedText);
        driver = driver.ReplaceAdditionalText(beta.File!, new TestAdditionalText(beta.Path, editedText));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.FleetClass));
        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = after.Keys.Where(hint => after[hint] != before[hint]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["McpFleet.Beta.g.cs", "McpFleet.ConflictReport.g.cs", "McpFleet.Fleet.g.cs"], changed);
        Assert.DoesNotContain("EchoAsync(", after["McpFleet.Fleet.g.cs"], StringComparison.Ordinal);
        Assert.Contains("[conflict] echo: alpha 1.0.0, beta 1.0.0, gamma 1.0.0 ('beta' 1.0.0 adds required parameter 'prefix')", after["McpFleet.ConflictReport.g.cs"], StringComparison.Ordinal);
        Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result, TrackingNames.ServerModels)[0]);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList()
            : throw new Xunit.Sdk.XunitException($"Step {step} did not run; tracked steps: {string.Join(", ", result.TrackedSteps.Keys)}.");
}
