using System.Globalization;
using System.Reflection;
using McpFleet.Testing;

namespace McpFleet.Benchmarks.Generator;

/// <summary>
/// The generator at fleet scale: 50 synthetic snapshots of 100 tools each (<see cref="SyntheticSnapshots"/>), each
/// round measured in fresh processes (see <see cref="GeneratorRun"/>), this build's generator interleaved with a
/// baseline build's when one is given. Prints the medians, the generated source's size, and fails if a rerun after an
/// unrelated edit ran any step again.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- generator [--baseline path/to/McpFleet.Generator.dll]
/// [--rounds 5] [--servers 50] [--tools 100]</c>.
/// </summary>
internal static class GeneratorBench
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rounds = options.Int("rounds", 5);
        var servers = options.Int("servers", 50);
        var tools = options.Int("tools", 100);
        var current = Path.Join(AppContext.BaseDirectory, "McpFleet.Generator.dll");
        var variants = new List<(string Name, string Path)>();
        if (options.Value("baseline") is { } baseline)
        {
            variants.Add(("baseline", Path.GetFullPath(baseline)));
        }

        variants.Add(("this build", current));

        var directory = Directory.CreateTempSubdirectory("mcpfleet-generator-bench-").FullName;
        try
        {
            SyntheticSnapshots.Write(directory, servers, tools);
            var jsonBytes = Directory.GetFiles(directory).Sum(path => new FileInfo(path).Length);
            Console.WriteLine($"Generator over {servers} × {tools} synthetic tools ({SyntheticSnapshots.Megabytes(jsonBytes)} of JSON), {rounds} rounds, each run in a fresh process.");
            Console.WriteLine($"Load average at start: {LoadAverage.Read()}");

            var results = variants.ToDictionary(v => v.Name, _ => new List<RunResult>());
            var failed = false;
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which variant runs first, so that neither always meets a machine just loaded by the other.
                var order = round % 2 == 0 ? variants : Enumerable.Reverse(variants).ToList();
                foreach (var (name, path) in order)
                {
                    var run = await RunChildAsync(path, directory);
                    failed |= !run.Cached;
                    results[name].Add(run);
                    Console.WriteLine(
                        $"  round {round + 1}, {name}: first {run.FirstMs:0} ms ({run.FirstCpuMs:0} ms CPU), warm {run.WarmMs:0} ms ({run.WarmCpuMs:0} ms CPU), "
                        + $"rerun {run.RerunMs:0.0} ms{(run.Cached ? "" : " — RAN AGAIN: " + run.Problem)}");
                }
            }

            Console.WriteLine($"Load average at end: {LoadAverage.Read()}");
            Console.WriteLine();
            Console.WriteLine("| generator | first run (cold process) | CPU | warm full run | CPU | rerun after an unrelated edit | generated C# | lines | files | records, enums | tracked steps (outputs), all Cached |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var (name, _) in variants)
            {
                var runs = results[name];
                var last = runs[^1];
                Console.WriteLine(
                    $"| {name} | {Median(runs, r => r.FirstMs):0} ms | {Median(runs, r => r.FirstCpuMs):0} ms | {Median(runs, r => r.WarmMs):0} ms | {Median(runs, r => r.WarmCpuMs):0} ms | {Median(runs, r => r.RerunMs):0.0} ms | "
                    + $"{SyntheticSnapshots.Megabytes(last.Bytes)} ({last.Bytes / (double)jsonBytes:0.00}× the JSON) | {last.Lines:N0} | {last.Files} | {last.Records:N0}, {last.Enums:N0} | "
                    + $"{last.Steps} ({last.Outputs}), {(runs.All(r => r.Cached) ? "yes" : "NO")} |");
            }

            if (variants.Count == 2)
            {
                var (before, after) = (results[variants[0].Name], results[variants[1].Name]);
                Console.WriteLine();
                Console.WriteLine($"Ratio this build / baseline (medians): first run {Median(after, r => r.FirstMs) / Median(before, r => r.FirstMs):0.00} "
                    + $"(CPU {Median(after, r => r.FirstCpuMs) / Median(before, r => r.FirstCpuMs):0.00}), warm {Median(after, r => r.WarmMs) / Median(before, r => r.WarmMs):0.00} "
                    + $"(CPU {Median(after, r => r.WarmCpuMs) / Median(before, r => r.WarmCpuMs):0.00}), generated size {after[^1].Bytes / (double)before[^1].Bytes:0.00}.");
            }

            return failed ? 1 : 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<RunResult> RunChildAsync(string generatorPath, string directory)
    {
        var self = Assembly.GetEntryAssembly()!.Location;
        var host = Environment.ProcessPath!;
        IEnumerable<string> arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [self, "generator-run", generatorPath, directory]
            : ["generator-run", generatorPath, directory];
        var result = await ExternalCommand.RunAsync(host, arguments, directory, s_runTimeout);
        var line = result.Output.Split('\n').Select(l => l.Trim().Split(' ')).FirstOrDefault(parts => parts.Length == 13 && parts.All(p => double.TryParse(p, CultureInfo.InvariantCulture, out _)))
            ?? throw new InvalidOperationException($"The measurement of '{generatorPath}' failed: {result}");
        var values = line.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var problem = string.Join("; ", result.Output.Split('\n').Where(l => l.StartsWith("after an unrelated edit", StringComparison.Ordinal)).Take(3));
        if (values[8] > 0)
        {
            Console.WriteLine($"  note: the generator reported {values[8]} errors:\n{result.Output}");
        }

        return new RunResult(values[0], values[1], values[2], (long)values[3], (long)values[4], (int)values[5], (int)values[6], (int)values[7], (int)values[9], (int)values[10], values[11], values[12], result.ExitCode == 0, problem);
    }

    private static double Median(List<RunResult> runs, Func<RunResult, double> value)
    {
        var sorted = runs.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record RunResult(double FirstMs, double WarmMs, double RerunMs, long Bytes, long Lines, int Files, int Steps, int Outputs, int Records, int Enums, double FirstCpuMs, double WarmCpuMs, bool Cached, string Problem);
}
