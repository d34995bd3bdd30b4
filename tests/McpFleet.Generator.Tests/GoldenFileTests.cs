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

    [Fact]
    public void Output_is_deterministic_whatever_the_order_of_the_snapshots()
    {
        var first = GeneratorHarness.Run(CommittedSnapshots.AllInputs()).Sources;
        var reversed = GeneratorHarness.Run(CommittedSnapshots.AllInputs().Reverse()).Sources;

        Assert.Equal(first, reversed);
        Assert.All(first.Values, text =>
        {
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain("/snapshots/", text, StringComparison.Ordinal);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
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
