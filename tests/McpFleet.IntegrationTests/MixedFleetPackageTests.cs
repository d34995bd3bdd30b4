using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// A realistic fleet from the packed package, in a project outside the solution with no mcpfleet.json: the reference
/// servers everything, filesystem and memory, and two instances of the sample server. Tool names they share across
/// products must neither break the build nor be unified; the sample instances' shared tools must be.
/// </summary>
[Collection(PackedFeedConsumers.Name)]
public sealed class MixedFleetPackageTests(PackedFeed feed) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("mcpfleet-mixed-fleet-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Products_sharing_tool_names_build_without_a_policy_and_only_replicas_are_unified()
    {
        var consumer = Directory.CreateDirectory(Path.Join(_work, "consumer")).FullName;
        WriteConsumer(consumer, feed.Folder, feed.Version);

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

        File.WriteAllText(Path.Join(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer</RootNamespace>
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

    private async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ExternalCommand.RunAsync("dotnet", arguments, workingDirectory, PackedFeed.CommandTimeout, PackedFeed.ConsumerEnvironment(_work));
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)}\n{result}");
        return result;
    }
}
