using McpFleet.Snapshots;
using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>Interop: captures the third-party reference servers, installed from tests/interop's lockfile.</summary>
public sealed class CaptureReferenceServersTests
{
    [Fact]
    public async Task Captures_server_everything_over_stdio_and_streamable_http_alike()
    {
        using TemporaryDirectory directory = new();
        var (process, endpoint) = await ReferenceServers.StartEverythingHttpAsync();
        await using var _ = process;
        var config = new McpJson()
            .Stdio("everything", ReferenceServers.Everything())
            .Remote("everything-http", "streamable-http", endpoint)
            .WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var stdio = await SnapshotFiles.ReadAsync(directory.Combine("everything.snapshot.json"));
        var http = await SnapshotFiles.ReadAsync(directory.Combine("everything-http.snapshot.json"));
        Assert.Contains("get-structured-content", ToolNames(stdio));
        Assert.Contains("echo", ToolNames(stdio));
        Assert.NotEmpty(stdio.Prompts);
        Assert.NotEmpty(stdio.ResourceTemplates);
        Assert.Equal(ToolNames(stdio), ToolNames(http));
        Assert.Equal(stdio.Server, http.Server);
    }

    [Fact]
    public async Task Captures_server_filesystem_and_server_memory()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson()
            .Stdio("filesystem", ReferenceServers.Filesystem(directory.Path))
            .Stdio("memory", ReferenceServers.Memory(), ReferenceServers.MemoryEnvironment(directory.Combine("memory.jsonl")))
            .WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Combine("snapshots"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var filesystem = await SnapshotFiles.ReadAsync(directory.Combine("snapshots", "filesystem.snapshot.json"));
        var memory = await SnapshotFiles.ReadAsync(directory.Combine("snapshots", "memory.snapshot.json"));
        Assert.Contains("read_text_file", ToolNames(filesystem));
        Assert.Contains("create_entities", ToolNames(memory));
        Assert.Equal("secure-filesystem-server", filesystem.Server?.Name);
    }

    private static List<string?> ToolNames(ServerSnapshot snapshot) => [.. snapshot.Tools.Select(t => t.GetProperty("name").GetString())];
}
