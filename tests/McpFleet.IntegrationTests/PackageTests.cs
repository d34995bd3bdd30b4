using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The one-PackageReference experience, for real: pack McpFleet, restore it from a local folder feed into a throwaway
/// project outside the solution, build it with snapshot items (the generator must load in the compiler with its own
/// dependencies), run a typed call, and install the mcpfleet tool. The project's fleet is a realistic one: the reference
/// servers everything, filesystem and memory, and two instances of the sample server, with no mcpfleet.json.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(4);

    private readonly string _work = Directory.CreateTempSubdirectory("mcpfleet-package-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_consumer_with_one_package_reference_gets_typed_calls_and_the_tool()
    {
        // A version of its own, so no package cache can answer with an older build.
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Path.Join(_work, "feed");
        foreach (var project in new[] { "src/Runtime/McpFleet.csproj", "src/Cli/McpFleet.Cli.csproj" })
        {
            await RunAsync(RepositoryPaths.Root, "pack", Path.Join(RepositoryPaths.Root, project), "-c", "Release", "-o", feed, $"-p:Version={version}");
        }

        var consumer = Directory.CreateDirectory(Path.Join(_work, "consumer")).FullName;
        WriteConsumer(consumer, feed, version);

        // Five products' worth of snapshots that share tool names build without a policy and without a warning.
        var build = await RunAsync(consumer, "build");
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MCPF", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(consumer, "mcpfleet.json")));

        // The generated surface: everything and the sample server both offer echo, but they are different products.
        var run = await RunAsync(consumer, "run", "--no-build", "--", SampleServerProcess.ServerAssemblyPath);
        Assert.Contains("fleet.EchoAsync exists: False", run.Output, StringComparison.Ordinal);
        Assert.Contains("unified: get_time, list_files, math_calc, run_command", run.Output, StringComparison.Ordinal);
        Assert.Contains("members: sample-1, sample-2 (sample)", run.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.MathCalcAsync says 6 * 7 = 42", run.Output, StringComparison.Ordinal);
        var report = await File.ReadAllTextAsync(Directory.GetFiles(Path.Join(consumer, "bin"), "mcpfleet-conflicts.txt", SearchOption.AllDirectories).Single());
        Assert.Contains(
            "// [products] echo: mcp-servers/everything: everything 2.0.0; sample: sample-1 1.0.0, sample-2 1.0.0 -> different products, no unified method;",
            report,
            StringComparison.Ordinal);

        var tools = Path.Join(_work, "tools");
        await RunAsync(consumer, "tool", "install", "McpFleet.Cli", "--version", version, "--tool-path", tools, "--add-source", feed);
        var help = await ExternalCommand.RunAsync(Path.Join(tools, "mcpfleet"), ["capture", "--help"], consumer, s_commandTimeout);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("Connect to the servers of an mcp.json", help.Output, StringComparison.Ordinal);
    }

    private static void WriteConsumer(string directory, string feed, string version)
    {
        // Empty MSBuild files stop the search for the repository's (or anyone's) Directory.Build.* files above.
        File.WriteAllText(Path.Join(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Join(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Join(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Join(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var snapshots = Directory.CreateDirectory(Path.Join(directory, "snapshots")).FullName;
        foreach (var server in new[] { "everything", "filesystem", "memory" })
        {
            File.Copy(Path.Join(RepositoryPaths.Root, "schemas", "snapshots", $"{server}.snapshot.json"), Path.Join(snapshots, $"{server}.snapshot.json"));
        }

        // Two instances of one product, captured once and copied: each item names its instance.
        foreach (var instance in new[] { "sample-1", "sample-2" })
        {
            File.Copy(Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "sample.snapshot.json"), Path.Join(directory, $"{instance}.snapshot.json"));
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Join(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer</RootNamespace>
                <!-- Restores McpFleet into a folder of its own; everything else comes from the machine's package cache. -->
                <RestorePackagesPath>{Path.Join(directory, "packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectFallbackFolders>{packages}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="McpFleet" Version="{version}" />
                <McpSnapshot Include="snapshots/*.snapshot.json" />
                <McpSnapshot Include="sample-1.snapshot.json" ServerName="sample-1" />
                <McpSnapshot Include="sample-2.snapshot.json" ServerName="sample-2" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Join(directory, "Program.cs"), """
            using Consumer;
            using McpFleet;
            using McpFleet.Configuration;

            Console.WriteLine($"fleet.EchoAsync exists: {typeof(Fleet).GetMethods().Any(m => m.Name == "EchoAsync")}");
            Console.WriteLine($"unified: {string.Join(", ", Fleet.Manifest.ToolGroups.Select(g => g.ToolName))}");
            foreach (var group in Fleet.Manifest.ToolGroups)
            {
                Console.WriteLine($"members: {string.Join(", ", group.Members.Select(m => m.Tool.ServerName))} ({string.Join(", ", group.Members.Select(m => m.Product).Distinct())})");
            }

            // Only the sample instances run; the reference servers' typed methods are not called here.
            var options = new FleetOptions { AllowUnconfiguredServers = true };
            foreach (var name in new[] { "sample-1", "sample-2" })
            {
                options.Servers.Add(ServerDefinition.Stdio(name, "dotnet", args[0], "--name", name, "--product", "sample"));
            }

            await using var fleet = Fleet.Create(options);
            var answer = await fleet.MathCalcAsync("6 * 7");
            Console.WriteLine($"fleet.MathCalcAsync says {answer.Expression} = {answer.Result}");
            """);
    }

    private static async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ExternalCommand.RunDotNetAsync(arguments, workingDirectory, s_commandTimeout);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)}\n{result}");
        return result;
    }
}
