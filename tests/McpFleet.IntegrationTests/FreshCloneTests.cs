using System.Text.Json;
using System.Text.RegularExpressions;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The README's Quick start, run as a new user would from a fresh clone: <c>./pack.sh</c>, then, in a new console
/// project outside the solution, the README's shell commands (a nuget.config with the local feed, the tool from that
/// feed, <c>mcpfleet capture</c>), its <c>McpSnapshot</c> items and its <c>Program.cs</c>, and the first typed calls;
/// then the same project on <c>net8.0</c>, self-contained on the .NET 8 runtime. The commands and code are read from
/// README.md, so the README cannot drift from what works.
/// </summary>
[Collection(PackedFeedConsumers.Name)]
public sealed partial class FreshCloneTests(PackedFeed feed) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("mcpfleet-fresh-clone-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_quick_start_works_on_net10_and_net8_from_the_locally_packed_packages()
    {
        var quickStart = QuickStart.Read(Path.Join(RepositoryPaths.Root, "README.md"));

        // What the README says, with two changes only: the feed's version of its own, so that no package cache can
        // answer with another build of 0.1.0, and the feed's folder for the clone's (the feed ran ./pack.sh).
        var version = feed.Version;
        Assert.Equal("./pack.sh", quickStart.Pack);
        Assert.Contains($"McpFleet.{version}.snupkg", Directory.GetFiles(feed.Folder).Select(Path.GetFileName));

        var app = Path.Join(_work, "MyApp");
        var allowed = Directory.CreateDirectory(Path.Join(_work, "data")).FullName;
        WriteMcpJson(app, allowed);
        var script = quickStart.AppCommands
            .Replace("~/src/mcpfleet/artifacts/packages", feed.Folder, StringComparison.Ordinal)
            .Replace("0.1.0", version, StringComparison.Ordinal);
        await RunAsync("bash", _work, ["-euo", "pipefail", "-c", script]);
        Assert.True(File.Exists(Path.Join(app, "snapshots", "everything.snapshot.json")), "mcpfleet capture wrote no snapshot of everything");

        var project = Path.Join(app, "MyApp.csproj");
        await File.WriteAllTextAsync(project, (await File.ReadAllTextAsync(project)).Replace(
            "</Project>", quickStart.ProjectItems.Replace("0.1.0", version, StringComparison.Ordinal) + "</Project>", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Join(app, "Program.cs"), quickStart.Program);

        var net10 = await RunAsync("dotnet", app, ["run"]);
        AssertTypedCallsRan(net10, allowed);

        // The same project on net8.0, first without its snapshots: the build says which pattern matched nothing where.
        var app8 = Path.Join(_work, "MyApp8");
        CopyProject(app, app8);
        var project8 = Path.Join(app8, "MyApp.csproj");
        await File.WriteAllTextAsync(project8, Regex.Replace(await File.ReadAllTextAsync(project8), "<TargetFramework>[^<]*</TargetFramework>", "<TargetFramework>net8.0</TargetFramework>"));
        var warning = await RunAsync("dotnet", app8, ["msbuild", "-restore", "-t:McpFleetWarnNoSnapshots", "-p:RuntimeIdentifier=linux-x64"]);
        Assert.Contains($"warning MCPF0901: No file matches the McpSnapshot items (snapshots/*.snapshot.json) in {app8}", warning.Output, StringComparison.Ordinal);

        CopySnapshots(app, app8);
        var net8 = await RunAsync("dotnet", app8, ["run", "-r", "linux-x64", "--self-contained"]);
        AssertTypedCallsRan(net8, allowed);
        var runtimeConfig = Directory.GetFiles(Path.Join(app8, "bin"), "MyApp.runtimeconfig.json", SearchOption.AllDirectories).Single();
        Assert.Contains("\"includedFrameworks\"", await File.ReadAllTextAsync(runtimeConfig), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(Path.GetDirectoryName(runtimeConfig), "libcoreclr.so")), "not a self-contained .NET 8 build");
        Assert.Contains("\"version\": \"8.0.", await File.ReadAllTextAsync(runtimeConfig), StringComparison.Ordinal);
    }

    private static void AssertTypedCallsRan(CommandResult run, string allowedDirectory)
    {
        Assert.Matches(@"(?m)^-?\d+(\.\d+)? °C, \S", run.Output);
        Assert.Contains(allowedDirectory, run.Output, StringComparison.Ordinal);
    }

    /// <summary>The servers the README's Program.cs calls, as the user's <c>.vscode/mcp.json</c> names them.</summary>
    private static void WriteMcpJson(string app, string allowedDirectory)
    {
        var everything = ReferenceServers.Everything();
        var filesystem = ReferenceServers.Filesystem(allowedDirectory);
        Directory.CreateDirectory(Path.Join(app, ".vscode"));
        File.WriteAllText(Path.Join(app, ".vscode", "mcp.json"), JsonSerializer.Serialize(new
        {
            servers = new Dictionary<string, object>
            {
                ["everything"] = new { type = "stdio", command = everything.Command, args = everything.Arguments },
                ["filesystem"] = new { type = "stdio", command = filesystem.Command, args = filesystem.Arguments },
            },
        }));
    }

    private static void CopyProject(string from, string to)
    {
        Directory.CreateDirectory(Path.Join(to, ".vscode"));
        foreach (var file in new[] { "MyApp.csproj", "Program.cs", "nuget.config", Path.Join(".vscode", "mcp.json") })
        {
            File.Copy(Path.Join(from, file), Path.Join(to, file), overwrite: true);
        }
    }

    private static void CopySnapshots(string from, string to)
    {
        Directory.CreateDirectory(Path.Join(to, "snapshots"));
        foreach (var snapshot in Directory.GetFiles(Path.Join(from, "snapshots")))
        {
            File.Copy(snapshot, Path.Join(to, "snapshots", Path.GetFileName(snapshot)), overwrite: true);
        }
    }

    private async Task<CommandResult> RunAsync(string command, string workingDirectory, string[] arguments)
    {
        var result = await ExternalCommand.RunAsync(command, arguments, workingDirectory, PackedFeed.CommandTimeout, PackedFeed.ConsumerEnvironment(_work));
        Assert.True(result.ExitCode == 0, $"{command} {string.Join(' ', arguments)}\n{result}");
        return result;
    }

    /// <summary>The Quick start section of the README: its code blocks, in order.</summary>
    private sealed record QuickStart(string Pack, string AppCommands, string ProjectItems, string Program)
    {
        public static QuickStart Read(string readme)
        {
            var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
            var start = text.IndexOf("\n## Quick start\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            var blocks = CodeBlock().Matches(text[start..end]).Select(match => (Language: match.Groups["language"].Value, Code: match.Groups["code"].Value)).ToList();
            var shell = blocks.Where(block => block.Language == "sh").Select(block => block.Code).ToList();
            var xml = blocks.Where(block => block.Language == "xml").Select(block => block.Code).ToList();
            Assert.Equal(2, shell.Count);
            Assert.Equal(2, xml.Count);

            // "./pack.sh   # a comment" is the command ./pack.sh.
            return new QuickStart(shell[0].Split('#')[0].Trim(), shell[1], xml[1], blocks.Single(block => block.Language == "csharp").Code);
        }
    }

    [GeneratedRegex(@"```(?<language>\w+)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
