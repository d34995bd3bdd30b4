namespace McpFleet.Cli.Tests.Capture;

/// <summary>Problems found before any server is contacted: exit code 2 and one clear message on stderr.</summary>
public sealed class CaptureUsageTests
{
    [Fact]
    public async Task An_unknown_server_lists_the_known_ones()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("beta").SampleStdio("alpha").WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--server", "gamma");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"No server named 'gamma' in {config}; servers: alpha, beta.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Invalid_json_names_the_file_line_and_column()
    {
        using TemporaryDirectory directory = new();
        var config = directory.Combine("mcp.json");
        await File.WriteAllTextAsync(config, "{\n  \"servers\": {\n    \"a\": { \"command\": }\n  }\n}\n");

        var result = await CliRunner.RunAsync("capture", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{config}: invalid JSON at line 3, column 23:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_that_would_share_a_file_are_refused()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("my server").SampleStdio("my:server").WriteTo(directory);

        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Servers 'my server' and 'my:server' would both be written to my-server.snapshot.json", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.snapshot.json"));
    }

    [Fact]
    public async Task Finds_the_configuration_in_the_usual_places()
    {
        using TemporaryDirectory directory = new();
        Assert.Null(ConfigurationLocator.Find(directory.Path));

        Directory.CreateDirectory(directory.Combine(".vscode"));
        await File.WriteAllTextAsync(directory.Combine(".vscode", "mcp.json"), "{}");
        Assert.Equal(directory.Combine(".vscode", "mcp.json"), ConfigurationLocator.Find(directory.Path));

        await File.WriteAllTextAsync(directory.Combine("mcp.json"), "{}");
        Assert.Equal(directory.Combine("mcp.json"), ConfigurationLocator.Find(directory.Path));
    }
}
