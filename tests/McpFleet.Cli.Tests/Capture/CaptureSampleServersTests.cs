using System.Text.Json;
using McpFleet.SampleServer.Launching;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>Captures sample servers over each transport, as the README demo does.</summary>
public sealed class CaptureSampleServersTests
{
    [Fact]
    public async Task Captures_servers_over_stdio_streamable_http_and_sse_in_one_run()
    {
        using TemporaryDirectory directory = new();
        await using var beta = await SampleServerProcess.StartAsync("beta", SampleTransport.Http, ["--tools", "get_time", "echo", "--version", "2.0.0"]);
        await using var gamma = await SampleServerProcess.StartAsync("gamma", SampleTransport.Sse, ["--tools", "list_files"]);
        var config = new McpJson()
            .SampleStdio("alpha", "--tools", "math_calc", "echo")
            .Remote("beta", "http", beta.Endpoint)
            .Remote("gamma", "sse", gamma.Endpoint)
            .WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Combine("snapshots"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var alpha = await SnapshotFiles.ReadAsync(directory.Combine("snapshots", "alpha.snapshot.json"));
        var betaSnapshot = await SnapshotFiles.ReadAsync(directory.Combine("snapshots", "beta.snapshot.json"));
        var gammaSnapshot = await SnapshotFiles.ReadAsync(directory.Combine("snapshots", "gamma.snapshot.json"));
        Assert.Equal(["echo", "math_calc"], ToolNames(alpha));
        Assert.Equal(["echo", "get_time"], ToolNames(betaSnapshot));
        Assert.Equal(["list_files"], ToolNames(gammaSnapshot));
        Assert.Equal(new SnapshotServerInfo("beta", null, "2.0.0"), betaSnapshot.Server);
        Assert.Equal("server://info", Assert.Single(alpha.Resources).GetProperty("uri").GetString());
        Assert.Contains("ok      alpha: 2 tools, 1 resource", result.Output, StringComparison.Ordinal);
        Assert.Contains("Captured 3 servers into", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_each_tool_as_the_server_sent_it()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("alpha", "--tools", "math_calc").WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tool = Assert.Single((await SnapshotFiles.ReadAsync(directory.Combine("alpha.snapshot.json"))).Tools);
        Assert.Equal("math_calc", tool.GetProperty("name").GetString());
        Assert.True(tool.GetProperty("annotations").GetProperty("readOnlyHint").GetBoolean());
        Assert.Equal(JsonValueKind.Object, tool.GetProperty("outputSchema").ValueKind);
        Assert.Equal("string", tool.GetProperty("inputSchema").GetProperty("properties").GetProperty("expression").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Captures_only_the_servers_asked_for()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("alpha").SampleStdio("beta").SampleStdio("gamma").WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Combine("out"), "--server", "gamma", "--server", "alpha");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["alpha.snapshot.json", "gamma.snapshot.json"], Directory.GetFiles(directory.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static string[] ToolNames(ServerSnapshot snapshot) => [.. snapshot.Tools.Select(t => t.GetProperty("name").GetString()!)];
}
