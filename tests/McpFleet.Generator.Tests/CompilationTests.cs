using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>The generated code compiles against the real runtime as a consumer builds it: no errors, no warnings.</summary>
public sealed class CompilationTests
{
    /// <summary>Code that uses the generated fleet the way the README shows, so that the public shape is checked too.</summary>
    private const string ConsumerCode = """
        namespace Consumer;

        internal static class Usage
        {
            public static async global::System.Threading.Tasks.Task<double> UseAsync(global::McpFleet.FleetOptions options)
            {
                await using var fleet = global::MyApp.Fleet.Create(options);
                var weather = await fleet.Everything.GetStructuredContentAsync(global::MyApp.Everything.GetStructuredContentLocation.NewYork);
                var text = await fleet.Filesystem.ReadTextFileAsync("README.md", head: 10);
                var files = await fleet.Sample.ListFilesAsync();
                var echoed = await fleet.Alpha.EchoAsync("hello");
                var graph = await fleet.Memory.CreateEntitiesAsync([new global::MyApp.Memory.CreateEntitiesEntitiesItem { Name = "n", EntityType = "t", Observations = [] }]);
                var unified = await fleet.EchoAsync("hello");
                var sum = await fleet.MathCalcAsync("1 + 2");
                long? size = files.Entries[0].Size;
                return weather.Temperature + text.Content.Length + echoed.Text.Length + graph.Entities.Count + (size ?? 0) + unified.Text.Length + sum.Result;
            }
        }
        """;

    /// <remarks>
    /// The committed snapshots are seven products that share tool names (<c>echo</c> by five of them), which is only
    /// information. Rules, in MSBuild's encoding, give the consumer code unified methods across products: echo joins all
    /// five, math_calc is the sample server's.
    /// </remarks>
    [Fact]
    public void Generated_code_for_all_committed_snapshots_compiles_without_warnings()
    {
        var options = GeneratorHarness.Properties(("McpFleetToolRules", "echo=merge=|math_calc=prefer=sample"));
        var output = GeneratorHarness.Run(CommittedSnapshots.AllInputs(), options).AssertNoException();

        Assert.DoesNotContain(output.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        Assert.Equal(
            [
                "McpFleet.Alpha.g.cs", "McpFleet.Beta.g.cs", "McpFleet.ConflictReport.g.cs", "McpFleet.Everything.g.cs", "McpFleet.Filesystem.g.cs",
                "McpFleet.Fleet.ModelToolNames.g.cs", "McpFleet.Fleet.g.cs", "McpFleet.Gamma.g.cs", "McpFleet.Memory.g.cs", "McpFleet.Sample.g.cs", "McpFleet.Typing.g.cs",
            ],
            output.Sources.Keys.Order(StringComparer.Ordinal));
        using var compiled = GeneratedAssembly.Compile(output.Sources.Values, ConsumerCode);
        Assert.True(compiled.Diagnostics.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", compiled.Diagnostics));
    }
}
