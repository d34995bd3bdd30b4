using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpFleet.Testing;

namespace McpFleet.Benchmarks.ConsumerBuild;

/// <summary>
/// What a fleet costs a consumer's build: a cold <c>dotnet build</c> (fresh compiler process, no build server, outputs
/// deleted) of one console project without snapshots and with 50 × 100 synthetic ones (<see cref="SyntheticSnapshots"/>),
/// in interleaved rounds, printing the medians (on the clock and in CPU time of all the build's processes), the time the
/// snapshots add, and the generator's own time inside that cold compiler (<c>ReportAnalyzer</c>); the same fleet trimmed
/// to the tools an application uses (<c>IncludeTools</c>: the first <c>--used-tools</c> of each server, the rest reachable
/// untyped); then, once, a fleet of twice as many servers (10,000 tools), which must build.
/// With <c>--baseline</c>, another checkout of the repository (say, main's) is measured in the same rounds.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- build [--baseline /path/to/checkout] [--rounds 3]
/// [--servers 50] [--tools 100] [--used-tools 10] [--large-servers 100]</c>.
/// </summary>
internal static partial class ConsumerBuildBench
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rounds = options.Int("rounds", 3);
        var servers = options.Int("servers", 50);
        var tools = options.Int("tools", 100);
        var largeServers = options.Int("large-servers", 100);
        var usedTools = options.Int("used-tools", 10);
        var checkouts = new List<(string Name, string Root)>();
        if (options.Value("baseline") is { } baseline)
        {
            checkouts.Add(("baseline", Path.GetFullPath(baseline)));
        }

        checkouts.Add(("this build", RepositoryPaths.Root));
        var work = Directory.CreateTempSubdirectory("mcpfleet-build-bench-").FullName;
        try
        {
            var consumers = new List<Consumer>();
            foreach (var (name, root) in checkouts)
            {
                consumers.Add(Consumer.Create(work, name, root, servers: 0, tools));
                consumers.Add(Consumer.Create(work, name, root, servers, tools));
            }

            // IncludeTools is this build's: only its consumer is trimmed.
            var trimmed = Consumer.Create(work, "this build", RepositoryPaths.Root, servers, tools, usedTools);
            consumers.Add(trimmed);

            Console.WriteLine($"Cold dotnet build of a console project with and without {servers} × {tools} synthetic tools, {rounds} rounds.");
            Console.WriteLine($"Load average at start: {LoadAverage.Read()}");

            // The rounds compile the consumers only: their restore and the McpFleet projects they reference come first.
            foreach (var (_, root) in checkouts)
            {
                await BuildMcpFleetAsync(root);
            }

            foreach (var consumer in consumers)
            {
                await consumer.RestoreAsync();
            }

            var times = consumers.ToDictionary(c => c, _ => new List<double>());
            var generatorTimes = consumers.ToDictionary(c => c, _ => new List<double>());
            var cpuTimes = consumers.ToDictionary(c => c, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? consumers : Enumerable.Reverse(consumers).ToList();
                foreach (var consumer in order)
                {
                    var build = await consumer.BuildColdAsync();
                    Console.WriteLine(
                        $"  round {round + 1}, {consumer.Label}: {build.Seconds:0.0} s ({build.CpuSeconds:0.0} s CPU), generator {build.GeneratorSeconds:0.0} s"
                        + (build.Succeeded ? "" : " — FAILED: " + build.Errors));
                    if (!build.Succeeded)
                    {
                        return 1;
                    }

                    times[consumer].Add(build.Seconds);
                    generatorTimes[consumer].Add(build.GeneratorSeconds);
                    cpuTimes[consumer].Add(build.CpuSeconds);
                }
            }

            Console.WriteLine($"Load average after the rounds: {LoadAverage.Read()}");
            Console.WriteLine();
            Console.WriteLine("| code | without snapshots | with snapshots | added by the snapshots | added, CPU time | McpFleet generator in the compiler |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, _) in checkouts)
            {
                var withoutSnapshots = consumers.Single(c => c.Checkout == name && c.Servers == 0);
                var withSnapshots = consumers.Single(c => c.Checkout == name && c.Servers > 0 && c.UsedTools == 0);
                var (without, with) = (Median(times[withoutSnapshots]), Median(times[withSnapshots]));
                var addedCpu = Median(cpuTimes[withSnapshots]) - Median(cpuTimes[withoutSnapshots]);
                Console.WriteLine($"| {name} | {without:0.0} s | {with:0.0} s | **{with - without:0.0} s** | {addedCpu:0.0} s | {Median(generatorTimes[withSnapshots]):0.0} s |");
                if (name == "this build")
                {
                    var trimmedTime = Median(times[trimmed]);
                    var trimmedCpu = Median(cpuTimes[trimmed]) - Median(cpuTimes[withoutSnapshots]);
                    Console.WriteLine($"| {name}, {usedTools} tools of each server typed | {without:0.0} s | {trimmedTime:0.0} s | **{trimmedTime - without:0.0} s** | {trimmedCpu:0.0} s | {Median(generatorTimes[trimmed]):0.0} s |");
                }
            }

            Console.WriteLine();
            var large = Consumer.Create(work, "this build", RepositoryPaths.Root, largeServers, tools);
            await large.RestoreAsync();
            var largeBuild = await large.BuildColdAsync();
            Console.WriteLine(largeBuild.Succeeded
                ? $"{largeServers * tools:N0} tools ({largeServers} servers): built in {largeBuild.Seconds:0.0} s ({largeBuild.CpuSeconds:0.0} s CPU, cold), generator {largeBuild.GeneratorSeconds:0.0} s; load average {LoadAverage.Read()}."
                : $"{largeServers * tools:N0} tools ({largeServers} servers): FAILED after {largeBuild.Seconds:0.0} s: {largeBuild.Errors}");
            return largeBuild.Succeeded ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task BuildMcpFleetAsync(string root)
    {
        var result = await ExternalCommand.RunDotNetAsync(
            ["build", Path.Join(root, "src", "Runtime", "McpFleet.csproj"), "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:ErrorsOnly"],
            root,
            s_buildTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"McpFleet in '{root}' does not build: {result}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"error [A-Z]+\d+", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();

    /// <summary>The generator's line of the compiler's <c>ReportAnalyzer</c> table: seconds, percentage, name.</summary>
    [GeneratedRegex(@"^\s*(?<seconds>[0-9.]+)\s+\S+\s+McpFleet\.Generator\.McpFleetGenerator\s*$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex GeneratorTime();

    private sealed record BuildResult(bool Succeeded, double Seconds, double CpuSeconds, double GeneratorSeconds, string Errors);

    /// <summary>A console project outside the repository that uses McpFleet as the repository's samples do (McpFleet.FromSource.targets).</summary>
    private sealed class Consumer
    {
        private Consumer(string directory, string checkout, int servers)
        {
            Directory = directory;
            Checkout = checkout;
            Servers = servers;
        }

        public string Directory { get; }

        public string Checkout { get; }

        public int Servers { get; }

        public int UsedTools { get; private init; }

        public string Label => $"{Checkout}, {(Servers == 0 ? "no snapshots" : $"{Servers} snapshots")}{(UsedTools > 0 ? $", {UsedTools} tools of each typed" : "")}";

        /// <param name="usedTools">When above 0, each snapshot's <c>IncludeTools</c> lists its first that many tools.</param>
        public static Consumer Create(string work, string checkout, string root, int servers, int tools, int usedTools = 0)
        {
            var directory = Path.Join(work, $"{checkout.Replace(' ', '-')}-{servers}{(usedTools > 0 ? $"-used-{usedTools}" : "")}");
            ConsumerFolder.Create(directory);
            File.WriteAllText(Path.Join(directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RootNamespace>Consumer</RootNamespace>
                    <!-- The compiler reports each generator's time (set here, not globally, so referenced projects are not rebuilt). -->
                    <ReportAnalyzer>true</ReportAnalyzer>
                  </PropertyGroup>
                  <ItemGroup>
                {SnapshotItems(directory, servers, tools, usedTools)}
                  </ItemGroup>
                  <Import Project="{Path.Join(root, "src", "McpFleet.FromSource.targets")}" />
                </Project>
                """);
            File.WriteAllText(Path.Join(directory, "Program.cs"), "Console.WriteLine(\"consumer\");\n");
            return new Consumer(directory, checkout, servers) { UsedTools = usedTools };
        }

        /// <summary>Writes the fleet's snapshots and returns the project's <c>McpSnapshot</c> items for them.</summary>
        private static string SnapshotItems(string directory, int servers, int tools, int usedTools)
        {
            if (servers == 0)
            {
                return "    <McpSnapshot Include=\"snapshots/*.snapshot.json\" />";
            }

            var paths = SyntheticSnapshots.Write(Path.Join(directory, "snapshots"), servers, tools);
            if (usedTools == 0)
            {
                return "    <McpSnapshot Include=\"snapshots/*.snapshot.json\" />";
            }

            return string.Join('\n', paths.Order(StringComparer.Ordinal).Select(path =>
            {
                using var snapshot = JsonDocument.Parse(File.ReadAllText(path));
                var used = snapshot.RootElement.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()!)
                    .Order(StringComparer.Ordinal).Take(usedTools);
                return $"    <McpSnapshot Include=\"snapshots/{Path.GetFileName(path)}\" IncludeTools=\"{string.Join(';', used)}\" />";
            }));
        }

        public async Task RestoreAsync()
        {
            var restore = await RunAsync("restore");
            if (!restore.Succeeded)
            {
                throw new InvalidOperationException($"The restore of {Label} failed: {restore.Errors}");
            }
        }

        /// <summary>Builds with the consumer's outputs deleted and a compiler of its own, as a clean CI build does.</summary>
        public async Task<BuildResult> BuildColdAsync()
        {
            foreach (var output in new[] { "bin", Path.Join("obj", "Release") })
            {
                var path = Path.Join(Directory, output);
                if (System.IO.Directory.Exists(path))
                {
                    System.IO.Directory.Delete(path, recursive: true);
                }
            }

            return await RunAsync("build", "--no-restore");
        }

        private async Task<BuildResult> RunAsync(params string[] verb)
        {
            var log = Path.Join(Directory, "build.log");
            var clock = Stopwatch.StartNew();
            var cpu = ChildProcessorTime.Read();
            var result = await ExternalCommand.RunDotNetAsync(
                [.. verb, "-nodeReuse:false", "-p:Configuration=Release", "-p:UseSharedCompilation=false", "-clp:ErrorsOnly", "-fl", $"-flp:logfile={log};verbosity=detailed"],
                Directory,
                s_buildTimeout);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (ChildProcessorTime.Read() - cpu).TotalSeconds;
            var generator = File.Exists(log) && GeneratorTime().Match(File.ReadAllText(log)) is { Success: true } match
                ? double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture)
                : 0;
            var errors = ErrorCode().Matches(result.Output).Select(m => m.Value).GroupBy(code => code)
                .Select(group => $"{group.Count().ToString(CultureInfo.InvariantCulture)} × {group.Key}").ToList();
            var summary = errors.Count > 0 ? string.Join(", ", errors) : result.Output.Length > 2000 ? result.Output[..2000] : result.Output;
            return new BuildResult(result.ExitCode == 0, seconds, cpuSeconds, generator, summary);
        }
    }
}
