using System.Diagnostics;
using McpFleet.SampleServer.Launching;

namespace McpFleet.SampleServer.Tests;

public class CommandLineTests
{
    [Fact]
    public async Task Unknown_tool_names_exit_with_code_2_and_list_the_valid_names()
    {
        (var exitCode, var stdout, var stderr) = await RunAsync("--tools", "echo", "nope");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(
            "Unknown tool 'nope' in --tools; valid names are: ask_model, ask_user, echo, get_time, list_files, list_roots, math_calc, request_headers, run_command, send_log, set_tools.",
            stderr,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-rate", "1.5", "--fail-rate must be between 0 and 1, not 1.5.")]
    [InlineData("--host", "localhost", "--host must be an IP address such as 127.0.0.1, not 'localhost'.")]
    [InlineData("--exit-after", "0", "--exit-after must be between 1 and 2147483647, not 0.")]
    [InlineData("--variant", "echo-sideways", "Argument 'echo-sideways' not recognized. Must be one of:")]
    [InlineData("--transport", "websocket", "Argument 'websocket' not recognized. Must be one of:")]
    public async Task Invalid_values_exit_with_code_2_and_say_why(string option, string value, string message)
    {
        (var exitCode, _, var stderr) = await RunAsync(option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_auth_token_variable_that_is_unset_or_empty_exits_with_code_2_and_names_it(string? value)
    {
        const string variable = "MCPFLEET_SAMPLE_UNSET_TOKEN";
        Dictionary<string, string?> environment = new() { [variable] = value };

        (var exitCode, var stdout, var stderr) = await RunAsync(environment, "--transport", "http", "--auth-token-env", variable);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"--auth-token-env: the environment variable '{variable}' is unset or empty.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--transport", "stdio")]
    public async Task An_auth_token_on_stdio_exits_with_code_2_without_printing_the_token(params string[] transport)
    {
        const string variable = "MCPFLEET_SAMPLE_TOKEN";
        const string token = "stdio-token-9d81c3";

        (var exitCode, var stdout, var stderr) = await RunAsync(
            new Dictionary<string, string?> { [variable] = token }, [.. transport, "--auth-token-env", variable]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--auth-token-env needs --transport http, sse or ws", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_describes_every_option_and_replaces_the_built_in_version_option()
    {
        (var exitCode, var stdout, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        string[] options =
        [
            "--name", "--product", "--title", "--version", "--transport", "--host", "--port", "--tools", "--root", "--allow-run-command",
            "--allow-tool-changes", "--latency-ms", "--fail-rate", "--seed", "--exit-after", "--journal", "--auth-token-env", "--ignore-discover", "--verbose",
        ];
        Assert.All(options, option => Assert.Contains(option, stdout, StringComparison.Ordinal));
        Assert.Contains("The advertised server version", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Show version information", stdout, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string?>(), args);

    /// <param name="environment">Variables to set for the server; a <see langword="null"/> value removes one.</param>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        (var command, var arguments) = SampleServerProcess.StdioCommand("cli", args);
        ProcessStartInfo startInfo = new(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach ((var variable, var value) in environment)
        {
            startInfo.Environment[variable] = value;
        }
        using Process process = Process.Start(startInfo)!;
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(1));
        try
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
