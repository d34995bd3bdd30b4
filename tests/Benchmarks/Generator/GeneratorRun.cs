using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Benchmarks.Generator;

/// <summary>
/// One measurement in a process of its own, so that the first run is a cold one (nothing of the generator or of
/// Roslyn's driver has been JIT-compiled yet): the first run, a second full run with a new driver (warm), and a run
/// after an unrelated edit of C# code, which must find every tracked step Cached or Unchanged. Each time is measured on
/// the clock and in CPU time (all of the process's threads: the JIT's and the GC's work counts), which a loaded machine
/// inflates much less.
/// </summary>
internal static class GeneratorRun
{
    private static readonly CSharpParseOptions s_parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Measures the generator in <paramref name="generatorPath"/> on the snapshots in <paramref name="directory"/>.</summary>
    /// <returns>The process's exit code: 1 when the rerun ran a step again.</returns>
    public static int Run(string generatorPath, string directory)
    {
        var inputs = BenchInputs.Read(directory);
        var generator = GeneratorLoadContext.Load(generatorPath);
        var compilation = CSharpCompilation.Create("Bench", [], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated; internal static class Edit { }", s_parseOptions));

        // As the compiler runs generators: no step tracking.
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        GeneratorDriver driver = CreateDriver(generator, inputs, trackSteps: false);
        driver = driver.RunGenerators(compilation);
        var (first, firstCpu) = (clock.Elapsed, Environment.CpuUsage.TotalTime - cpu);
        clock.Restart();
        driver.RunGenerators(edited);
        var rerun = clock.Elapsed;
        clock.Restart();
        cpu = Environment.CpuUsage.TotalTime;
        var result = CreateDriver(generator, inputs, trackSteps: false).RunGenerators(compilation).GetRunResult().Results.Single();
        var (warm, warmCpu) = (clock.Elapsed, Environment.CpuUsage.TotalTime - cpu);

        var (steps, outputs, ranAgain) = CheckCached(generator, inputs, compilation, edited);
        var sources = result.GeneratedSources;
        var bytes = sources.Sum(source => (long)Encoding.UTF8.GetByteCount(source.SourceText.ToString()));
        var lines = sources.Sum(source => (long)source.SourceText.Lines.Count);
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var records = sources.Sum(source => Count(source.SourceText.ToString(), " sealed record "));
        var enums = sources.Sum(source => Count(source.SourceText.ToString(), " enum "));
        Console.WriteLine(string.Join(
            ' ',
            Invariant(first.TotalMilliseconds),
            Invariant(warm.TotalMilliseconds),
            Invariant(rerun.TotalMilliseconds),
            bytes,
            lines,
            sources.Length,
            steps,
            outputs,
            errors,
            records,
            enums,
            Invariant(firstCpu.TotalMilliseconds),
            Invariant(warmCpu.TotalMilliseconds)));
        foreach (var step in ranAgain)
        {
            Console.Error.WriteLine($"after an unrelated edit, step {step} ran again");
        }

        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
        {
            Console.Error.WriteLine(diagnostic);
        }

        return ranAgain.Count == 0 ? 0 : 1;
    }

    /// <summary>Runs with step tracking, edits unrelated code, and lists the steps whose outputs were not reused.</summary>
    private static (int Steps, int Outputs, List<string> RanAgain) CheckCached(IIncrementalGenerator generator, BenchInputs inputs, Compilation compilation, Compilation edited)
    {
        var driver = CreateDriver(generator, inputs, trackSteps: true).RunGenerators(compilation).RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();
        var ranAgain = new List<string>();
        var outputs = 0;
        foreach (var (step, runs) in result.TrackedSteps.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                outputs++;
                if (output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    ranAgain.Add($"{step} ({output.Reason})");
                }
            }
        }

        return (result.TrackedSteps.Count, outputs, ranAgain);
    }

    private static CSharpGeneratorDriver CreateDriver(IIncrementalGenerator generator, BenchInputs inputs, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            inputs.Files,
            s_parseOptions,
            inputs.Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Invariant(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
