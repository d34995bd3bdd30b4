using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>
/// The snapshots committed in schemas/snapshots are what capturing schemas/mcp.json gives today, byte for byte: they
/// stay true to the pinned reference servers and the sample server, and capture stays deterministic across machines.
/// </summary>
public sealed class CommittedSnapshotsTests
{
    [Fact]
    public async Task Recapturing_the_committed_servers_gives_the_committed_bytes()
    {
        using TemporaryDirectory directory = new();
        var committed = Path.Join(RepositoryPaths.Root, "schemas", "snapshots");

        var result = await CliRunner.RunProcessAsync(
            new Dictionary<string, string> { ["MCPFLEET_SAMPLE_SERVER"] = SampleServerProcess.ServerAssemblyPath },
            "capture", "--config", Path.Join(RepositoryPaths.Root, "schemas", "mcp.json"), "--out", directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var files = Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["everything.snapshot.json", "filesystem.snapshot.json", "memory.snapshot.json", "sample.snapshot.json"], files);
        foreach (var file in files)
        {
            var expected = await File.ReadAllBytesAsync(Path.Join(committed, file));
            var actual = await File.ReadAllBytesAsync(directory.Combine(file!));
            Assert.True(expected.SequenceEqual(actual), $"{file} differs from a fresh capture; run ./schemas/capture.sh and review the diff.");
        }
    }
}
