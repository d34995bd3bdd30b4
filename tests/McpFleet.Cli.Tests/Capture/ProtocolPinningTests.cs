using McpFleet.SampleServer.Launching;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>
/// Servers that ignore the 2026-07-28 <c>server/discover</c> probe cost the SDK's probe timeout on every connect unless
/// their revision is pinned. Capture pins it from mcp.json, from the command line, or from the previous snapshot.
/// </summary>
public sealed class ProtocolPinningTests
{
    [Fact]
    public async Task A_server_that_ignores_the_probe_is_pinned_by_its_previous_snapshot()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("legacy", "--ignore-discover", "--tools", "echo").WriteTo(directory);

        // The first capture pays the probe timeout once and falls back to initialize: on stdio the connect timeout less
        // the 5 s left for the fallback.
        var first = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path, "--timeout", "10");
        var second = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("ok      legacy: 1 tool, 1 resource (2025-11-25; ", first.Output, StringComparison.Ordinal);
        Assert.Contains("ok      legacy: 1 tool, 1 resource (2025-11-25, pinned by the previous snapshot; ", second.Output, StringComparison.Ordinal);
        Assert.Contains("; unchanged ", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_in_mcp_json_is_used_as_given()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson()
            .Stdio("legacy", SampleServerProcess.StdioCommand("legacy", "--ignore-discover", "--tools", "echo"), protocolVersion: "2025-06-18")
            .WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(2025-06-18, pinned by mcp.json; ", result.Output, StringComparison.Ordinal);
        Assert.Equal("2025-06-18", (await SnapshotFiles.ReadAsync(directory.Combine("legacy.snapshot.json"))).ProtocolVersion);
    }

    [Fact]
    public async Task A_server_that_speaks_discovery_keeps_its_revision_pinned()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("modern", "--tools", "echo").WriteTo(directory);

        var first = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);
        var second = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);
        var auto = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path, "--protocol-version", "auto");

        Assert.Contains("ok      modern: 1 tool, 1 resource (2026-07-28; ", first.Output, StringComparison.Ordinal);
        Assert.Contains("ok      modern: 1 tool, 1 resource (2026-07-28, pinned by the previous snapshot; ", second.Output, StringComparison.Ordinal);
        Assert.Contains("ok      modern: 1 tool, 1 resource (2026-07-28; ", auto.Output, StringComparison.Ordinal);
    }
}
