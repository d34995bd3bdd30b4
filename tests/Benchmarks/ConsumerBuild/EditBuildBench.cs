using System.Diagnostics;
using McpFleet.Testing;

namespace McpFleet.Benchmarks.ConsumerBuild;

/// <summary>
/// What an edit of an application's own code costs its next build when it uses a large fleet: the compiler compiles a
/// project's generated code again with every change to the project, so the proxies in the application's project cost
/// every build, while proxies in a class library of their own (which holds the snapshots) are compiled once and the
/// application's build skips them. Both layouts are built cold once, then each round edits <c>Program.cs</c> and
/// builds again (incremental, no build server), interleaved.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- edit [--rounds 2] [--servers 50] [--tools 100]</c>.
/// </summary>
internal static class EditBuildBench
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rounds = options.Int("rounds", 2);
        var servers = options.Int("servers", 50);
        var tools = options.Int("tools", 100);
        var work = Directory.CreateTempSubdirectory("mcpfleet-edit-bench-").FullName;
        try
        {
            var inApplication = CreateLayout(Path.Join(work, "in-application"), servers, tools, library: false);
            var inLibrary = CreateLayout(Path.Join(work, "in-library"), servers, tools, library: true);
            Console.WriteLine($"An edit of Program.cs, then dotnet build, with {servers} × {tools} synthetic tools' proxies in the application's project or in a library, {rounds} rounds.");
            Console.WriteLine($"Load average at start: {LoadAverage.Read()}");
            foreach (var (name, app) in new[] { ("in the application", inApplication), ("in a library", inLibrary) })
            {
                var (cold, ok) = await BuildAsync(app);
                Console.WriteLine($"  {name}: first (cold) build {cold:0.0} s{(ok ? "" : " — FAILED")}");
                if (!ok)
                {
                    return 1;
                }
            }

            var times = new Dictionary<string, List<double>> { ["in the application"] = [], ["in a library"] = [] };
            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? new[] { ("in the application", inApplication), ("in a library", inLibrary) } : [("in a library", inLibrary), ("in the application", inApplication)];
                foreach (var (name, app) in order)
                {
                    WriteProgram(app, $"edit {round + 1}");
                    var (seconds, ok) = await BuildAsync(app);
                    Console.WriteLine($"  round {round + 1}, proxies {name}: build after the edit {seconds:0.0} s{(ok ? "" : " — FAILED")}");
                    if (!ok)
                    {
                        return 1;
                    }

                    times[name].Add(seconds);
                }
            }

            Console.WriteLine($"Load average at end: {LoadAverage.Read()}");
            Console.WriteLine();
            Console.WriteLine("| proxies | build after an edit of the application (median) |");
            Console.WriteLine("| --- | ---: |");
            foreach (var (name, values) in times)
            {
                var sorted = values.Order().ToList();
                var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                Console.WriteLine($"| {name} | {median:0.0} s |");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Writes an application (and with <paramref name="library"/>, a <c>Proxies</c> library holding the snapshots); returns the application's folder.</summary>
    private static string CreateLayout(string directory, int servers, int tools, bool library)
    {
        ConsumerFolder.Create(directory);
        var fromSource = Path.Join(RepositoryPaths.Root, "src", "McpFleet.FromSource.targets");
        var proxies = Path.Join(directory, library ? "Proxies" : "App");
        Directory.CreateDirectory(proxies);
        SyntheticSnapshots.Write(Path.Join(proxies, "snapshots"), servers, tools);
        if (library)
        {
            File.WriteAllText(Path.Join(proxies, "Proxies.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RootNamespace>Proxies</RootNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                    <McpSnapshot Include="snapshots/*.snapshot.json" />
                  </ItemGroup>
                  <Import Project="{fromSource}" />
                </Project>
                """);
        }

        var app = Path.Join(directory, "App");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Join(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>{(library ? "App" : "Proxies")}</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                {(library ? """<ProjectReference Include="../Proxies/Proxies.csproj" />""" : """<McpSnapshot Include="snapshots/*.snapshot.json" />""")}
              </ItemGroup>
              {(library ? "" : $"""<Import Project="{fromSource}" />""")}
            </Project>
            """);
        WriteProgram(app, "first");
        return app;
    }

    /// <summary>An application that uses the generated fleet, with a line that changes on each edit.</summary>
    private static void WriteProgram(string app, string edit) =>
        File.WriteAllText(Path.Join(app, "Program.cs"), $"Console.WriteLine(\"{edit}: \" + Proxies.Fleet.Manifest.Servers.Count);\n");

    private static async Task<(double Seconds, bool Succeeded)> BuildAsync(string app)
    {
        var clock = Stopwatch.StartNew();
        var result = await ExternalCommand.RunDotNetAsync(
            ["build", "-nodeReuse:false", "-p:Configuration=Release", "-p:UseSharedCompilation=false", "-clp:ErrorsOnly"],
            app,
            s_buildTimeout);
        if (result.ExitCode != 0)
        {
            Console.WriteLine(result.Output.Length > 2000 ? result.Output[..2000] : result.Output);
        }

        return (clock.Elapsed.TotalSeconds, result.ExitCode == 0);
    }
}
