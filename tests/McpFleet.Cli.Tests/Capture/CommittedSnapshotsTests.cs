using McpFleet.SampleServer.Launching;
using McpFleet.Snapshots;
using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>
/// The snapshots committed in schemas/snapshots are what capturing schemas/mcp.json gives today, byte for byte: they
/// stay true to the pinned reference servers and the sample server, and capture stays deterministic across machines.
/// </summary>
public sealed class CommittedSnapshotsTests
{
    [Theory]
    [InlineData("schemas/mcp.json", "schemas/snapshots", "everything filesystem memory sample")]
    [InlineData("samples/ReplicaFleet/mcp.json", "samples/ReplicaFleet/snapshots", "mirror replica-1 replica-2 replica-3 time-eu time-us")]
    public async Task Recapturing_the_committed_servers_gives_the_committed_bytes(string config, string snapshots, string servers)
    {
        using TemporaryDirectory directory = new();
        var committed = Path.Join(RepositoryPaths.Root, snapshots);

        var result = await CliRunner.RunProcessAsync(
            new Dictionary<string, string> { ["MCPFLEET_SAMPLE_SERVER"] = SampleServerProcess.ServerAssemblyPath },
            "capture", "--config", Path.Join(RepositoryPaths.Root, config), "--out", directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var files = Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(servers.Split(' ').Select(ServerSnapshot.GetFileName), files);
        foreach (var file in files)
        {
            var expected = await File.ReadAllBytesAsync(Path.Join(committed, file));
            var actual = await File.ReadAllBytesAsync(directory.Combine(file!));
            Assert.True(expected.SequenceEqual(actual), $"{file} differs from a fresh capture; run the capture.sh beside {config} and review the diff.");
        }
    }
}
