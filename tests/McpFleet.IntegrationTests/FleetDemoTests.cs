using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>The README's demo command keeps working, and its committed snapshots stay true to the servers it runs.</summary>
public sealed class FleetDemoTests : IDisposable
{
    private readonly string _snapshots = Directory.CreateTempSubdirectory("mcpfleet-demo-").FullName;

    public void Dispose() => Directory.Delete(_snapshots, recursive: true);

    [Fact]
    public async Task The_demo_makes_typed_calls_on_three_servers_and_its_snapshots_are_current()
    {
        var committed = Path.Join(RepositoryPaths.Root, "samples", "FleetDemo", "snapshots");
        foreach (var file in Directory.GetFiles(committed))
        {
            File.Copy(file, Path.Join(_snapshots, Path.GetFileName(file)));
        }

        var result = await ExternalCommand.RunDotNetAsync(
            [Path.Join(AppContext.BaseDirectory, "FleetDemo.dll"), "--capture", "--snapshots", _snapshots], AppContext.BaseDirectory, TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.Output.Split('\n').Count(line => line.StartsWith("  unchanged ", StringComparison.Ordinal)));
        Assert.Contains("fleet.Alpha.MathCalcAsync(\"2 × (3 + 4) − −1\")  ->  15", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.Beta.GetTimeAsync(\"Europe/Oslo\")  ->  ", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.Gamma.ListFilesAsync()  ->  alpha.snapshot.json (", result.Output, StringComparison.Ordinal);
        Assert.Contains("EchoAsync  ->  hello from gamma", result.Output, StringComparison.Ordinal);
        Assert.Contains("ToolErrorException: Tool 'math_calc' on server 'alpha' reported an error:", result.Output, StringComparison.Ordinal);
    }
}
