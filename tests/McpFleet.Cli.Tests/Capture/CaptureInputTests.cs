using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests.Capture;

/// <summary>
/// VS Code's <c>inputs</c>: a server's secret given as <c>${input:ID}</c> is asked for at the terminal, once, and
/// treated like every secret; with input redirected, nobody can type it, and the error says so and what to do instead.
/// </summary>
public sealed class CaptureInputTests
{
    private const string Token = "tok-91c2e6d07a4b";

    [Fact]
    public async Task An_input_is_asked_for_once_reaches_its_server_and_is_never_written()
    {
        using TemporaryDirectory directory = new();
        await using var server = await SampleServerProcess.StartAsync("guarded", SampleTransport.Http, ["--auth-token-env", "GUARD_TOKEN"], new Dictionary<string, string> { ["GUARD_TOKEN"] = Token });
        var config = WriteConfig(directory, server.Endpoint);
        var asked = new List<McpInput>();
        using StringWriter output = new(), error = new();
        var console = CliConsole.Plain(output, error) with
        {
            ReadInput = input =>
            {
                asked.Add(input);
                return Token;
            },
        };

        var exitCode = await CliApplication.RunAsync(["capture", "--config", config, "--out", directory.Path], console);

        Assert.True(exitCode == 0, $"{output}\n{error}");
        var input = Assert.Single(asked);
        Assert.Equal(("api-token", "API token for guarded", true), (input.Id, input.Description, input.Password));
        Assert.Contains("ok      guarded: ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output.ToString() + error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync(Path.Join(directory.Path, "guarded.snapshot.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_input_redirected_an_input_is_a_usage_error_that_says_what_to_do()
    {
        using TemporaryDirectory directory = new();
        var config = WriteConfig(directory, new Uri("http://127.0.0.1:9/mcp"));

        var result = await CliRunner.RunProcessAsync(new CliProcessOptions(), "capture", "--config", config, "--out", directory.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"{config}: server 'guarded'.headers.Authorization: ${{input:api-token}}: 'API token for guarded' must be typed at a terminal, but the input of mcpfleet is redirected; put the value in an environment variable and refer to it as ${{env:NAME}}.\n",
            result.Error);
    }

    private static string WriteConfig(TemporaryDirectory directory, Uri endpoint)
    {
        var path = directory.Combine("mcp.json");
        File.WriteAllText(path, $$"""
            {
              "inputs": [{ "type": "promptString", "id": "api-token", "description": "API token for guarded", "password": true }],
              "servers": {
                "guarded": { "type": "http", "url": "{{endpoint}}", "headers": { "Authorization": "Bearer ${input:api-token}" } }
              }
            }
            """);
        return path;
    }
}
