using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>
/// A token given through <c>${env:…}</c> reaches its server and nothing else: no snapshot, no output, no error message.
/// These run the real <c>mcpfleet</c> process, so the variable lives only in its environment.
/// </summary>
public sealed class CaptureSecretTests
{
    private const string Token = "tok-5f2b9c71e04d";

    private static readonly Dictionary<string, string> s_environment = new() { ["FLEET_TOKEN"] = Token };

    [Fact]
    public async Task A_token_from_the_environment_authenticates_and_is_never_written()
    {
        using TemporaryDirectory directory = new();
        await using var server = await SampleServerProcess.StartAsync("guarded", SampleTransport.Http, ["--auth-token-env", "GUARD_TOKEN"], new Dictionary<string, string> { ["GUARD_TOKEN"] = Token });
        var config = new McpJson()
            .Remote("guarded", "http", server.Endpoint, new() { ["Authorization"] = "Bearer ${env:FLEET_TOKEN}" })
            .Stdio("leaky", ("node", ["-e", "console.error('my token is ' + process.env.API_TOKEN); process.exit(5)"]), new() { ["API_TOKEN"] = "${env:FLEET_TOKEN}" })
            .WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(s_environment, "capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("ok      guarded: 4 tools, 1 resource", result.Output, StringComparison.Ordinal);
        Assert.Contains("the process exited with code 5. Last lines of its standard error:", result.Output, StringComparison.Ordinal);
        Assert.Contains("my token is ***", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync(directory.Combine("guarded.snapshot.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, server.StandardErrorTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_sends_a_secret_back_gets_no_snapshot()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().SampleStdio("echoer", "--title", "${env:FLEET_TOKEN}").WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(s_environment, "capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            "failed  echoer: Server 'echoer' (stdio ",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains(
            "what it offers contains a secret of the configuration (an environment value, header or variable of this or another server); no snapshot was written.",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("--title ***", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.AllText, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.snapshot.json"));
    }

    [Fact]
    public async Task A_server_that_publishes_its_environment_cannot_read_another_servers_token_into_its_snapshot()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson()
            .Stdio("holder", SampleServerProcess.StdioCommand("holder"), new() { ["API_TOKEN"] = "${env:FLEET_TOKEN}" })
            .Stdio("publisher", HostileServer.Stdio("--publish-env"))
            .WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(s_environment, "capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var snapshot = await File.ReadAllTextAsync(directory.Combine("publisher.snapshot.json"));
        Assert.Contains("\\\"PATH\\\":", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("FLEET_TOKEN", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_holding_another_servers_secret_is_refused()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson()
            .Stdio("holder", SampleServerProcess.StdioCommand("holder"), new() { ["API_TOKEN"] = "${env:FLEET_TOKEN}" })
            .Stdio("publisher", HostileServer.Stdio("--publish-env"), inheritEnv: true)
            .WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(s_environment, "capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("ok      holder:", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "failed  publisher: Server 'publisher' (stdio node ",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("what it offers contains a secret of the configuration", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.AllText, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.Combine("publisher.snapshot.json")));
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync(directory.Combine("holder.snapshot.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_variable_fails_only_its_server_and_names_the_variable()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson()
            .Remote("api", "http", new Uri("http://127.0.0.1:9/mcp"), new() { ["Authorization"] = "Bearer ${env:NOT_SET_ANYWHERE}" })
            .SampleStdio("files", "--tools", "echo")
            .WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(s_environment, "capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"failed  api: {config}: server 'api'.headers.Authorization: environment variable 'NOT_SET_ANYWHERE' is not set.\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("ok      files: ", result.Output, StringComparison.Ordinal);
        Assert.Equal(["files.snapshot.json"], Directory.GetFiles(directory.Path, "*.snapshot.json").Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_server_named_on_the_command_line_whose_variable_is_missing_is_a_usage_error()
    {
        using TemporaryDirectory directory = new();
        var config = new McpJson().Remote("api", "http", new Uri("http://127.0.0.1:9/mcp"), new() { ["Authorization"] = "Bearer ${env:NOT_SET_ANYWHERE}" }).WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(s_environment, "capture", "--config", config, "--out", directory.Path, "--server", "api");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"{config}: server 'api'.headers.Authorization: environment variable 'NOT_SET_ANYWHERE' is not set.\n", result.Error);
    }
}
