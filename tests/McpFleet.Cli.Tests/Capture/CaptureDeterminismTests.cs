using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>Capturing the same servers twice gives byte-identical files, so git diffs show only real changes.</summary>
public sealed class CaptureDeterminismTests
{
    [Fact]
    public async Task Capturing_twice_gives_byte_identical_files()
    {
        using TemporaryDirectory directory = new();
        await using var http = await SampleServerProcess.StartAsync("beta", SampleTransport.Http);
        var config = new McpJson()
            .SampleStdio("alpha", "--tools", "echo", "math_calc", "list_files")
            .Remote("beta", "http", http.Endpoint)
            .Stdio("everything", ReferenceServers.Everything())
            .Stdio("filesystem", ReferenceServers.Filesystem(directory.Path))
            .Stdio("memory", ReferenceServers.Memory(), ReferenceServers.MemoryEnvironment(directory.Combine("memory.jsonl")))
            .WriteTo(directory);

        var first = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Combine("first"));
        var second = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Combine("second"));
        var again = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Combine("first"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var files = Directory.GetFiles(directory.Combine("first")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, files.Count);
        foreach (var file in files)
        {
            Assert.Equal(await File.ReadAllBytesAsync(directory.Combine("first", file!)), await File.ReadAllBytesAsync(directory.Combine("second", file!)));
        }

        Assert.Equal(5, again.Output.Split('\n').Count(line => line.Contains("; unchanged ", StringComparison.Ordinal)));
    }
}
