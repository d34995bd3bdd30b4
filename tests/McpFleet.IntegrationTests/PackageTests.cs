using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The one-PackageReference experience, for real: pack McpFleet, restore it from a local folder feed into a throwaway
/// project outside the solution, build it with a snapshot item (the generator must load in the compiler with its own
/// dependencies; the targets embed the snapshot and pass its IncludeTools), run a typed call and an untyped one of a
/// tool left out, and install the mcpfleet tool.
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

        var run = await RunAsync(consumer, "run", "--", SampleServerProcess.ServerAssemblyPath);
        Assert.Contains("math_calc says 6 * 7 = 42", run.Output, StringComparison.Ordinal);
        Assert.Contains("echo says untyped", run.Output, StringComparison.Ordinal);
        Assert.Contains("proxies: GetTimeAsync, MathCalcAsync", run.Output, StringComparison.Ordinal);

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
        File.Copy(Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "sample.snapshot.json"), Path.Join(directory, "sample.snapshot.json"));
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
                <McpSnapshot Include="sample.snapshot.json" IncludeTools="math_calc;get_*" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Join(directory, "Program.cs"), """
            using System.Reflection;
            using Consumer;
            using McpFleet;
            using McpFleet.Configuration;
            using McpFleet.Tools;

            var options = new FleetOptions();
            options.Servers.Add(ServerDefinition.Stdio("sample", "dotnet", args[0], "--name", "sample"));
            await using var fleet = Fleet.Create(options);
            var answer = await fleet.Sample.MathCalcAsync("6 * 7");
            Console.WriteLine($"math_calc says {answer.Expression} = {answer.Result}");

            // IncludeTools leaves echo out: no proxy, but the runtime calls it by name.
            var echo = new ToolDescriptor(Consumer.Sample.SampleServer.Name, "echo", ToolHints.None);
            var echoed = await fleet.Runtime.CallToolAsync<JsonToolArguments, TextToolResult>(echo, JsonToolArguments.Parse("{\"message\": \"untyped\"}"));
            Console.WriteLine($"echo says {echoed.Text}");
            var proxies = typeof(Consumer.Sample.SampleServer).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Distinct().Order();
            Console.WriteLine($"proxies: {string.Join(", ", proxies)}");
            """);
    }

    private static async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ExternalCommand.RunDotNetAsync(arguments, workingDirectory, s_commandTimeout);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)}\n{result}");
        return result;
    }
}
