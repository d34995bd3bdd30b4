namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// <c>mcpfleet repl</c> with its input and output redirected, as a script pipes commands to it: plain text, tables as
/// aligned columns, one <c>error:</c> line on stderr per failed command, and the session goes on until <c>quit</c>.
/// </summary>
[Collection(ReplProcessGroup.Name)]
public sealed class ReplPlainTests(SampleFleet fleet) : IClassFixture<SampleFleet>
{
    [Fact]
    public async Task A_piped_session_runs_every_command_until_quit()
    {
        var result = await RunAsync(
            "servers",
            "tools",
            "tools beta",
            """call alpha echo {"message": "hello plain"}""",
            "strategy round-robin",
            """call echo {"message": "routed plain"}""",
            """call alpha get_time {}""",
            """call alpha echo {"message": """,
            "# a comment, and a blank line, do nothing",
            "",
            "stats",
            "help",
            "quit",
            "servers");

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = Lines(result.Output);
        Assert.DoesNotContain('\u001b', result.AllText);
        Assert.Equal("SERVER  TRANSPORT  HEALTH   LATENCY  TOOLS  TARGET", output[0]);
        Assert.Matches($@"^alpha   http       healthy  [0-9.]+ m?s +2      {fleet.Alpha.Endpoint}$", output[1]);
        Assert.Matches($@"^beta    http       healthy  [0-9.]+ m?s +2      {fleet.Beta.Endpoint}$", output[2]);
        Assert.Equal("SERVER  TOOL       DESCRIPTION", output[3]);
        Assert.StartsWith("alpha   echo       Returns the message unchanged", output[4], StringComparison.Ordinal);
        Assert.StartsWith("alpha   math_calc  Evaluates", output[5], StringComparison.Ordinal);
        Assert.StartsWith("beta    echo       Returns", output[6], StringComparison.Ordinal);
        Assert.StartsWith("beta    get_time   Returns", output[7], StringComparison.Ordinal);
        Assert.Equal("SERVER  TOOL      DESCRIPTION", output[8]);
        Assert.StartsWith("beta    echo      Returns", output[9], StringComparison.Ordinal);
        Assert.StartsWith("beta    get_time  Returns", output[10], StringComparison.Ordinal);
        Assert.Matches("^echo on alpha \\([0-9.]+ m?s\\)$", output[11]);
        Assert.Equal("hello plain", output[12]);
        Assert.Equal("Routing strategy: round-robin (was round-robin).", output[13]);
        Assert.Matches("^echo on (alpha|beta) \\([0-9.]+ m?s, routed by round-robin\\)$", output[14]);
        Assert.Equal("routed plain", output[15]);
        Assert.Equal("Calls", output[16]);
        Assert.Matches("^SERVER  TOOL +CALLS  ERRORS  MEAN +P50 +P95$", output[17]);
        Assert.Contains(output, line => line.StartsWith("alpha   get_time  1      1  ", StringComparison.Ordinal));
        Assert.Contains("Routing decisions", output);
        Assert.Contains(output, line => line.StartsWith("call [server] <tool> [json]  ", StringComparison.Ordinal));

        // Nothing runs after quit: one servers table only.
        Assert.Single(output, line => line.StartsWith("SERVER  TRANSPORT", StringComparison.Ordinal));
        Assert.Equal(
            [
                "error: Calling tool 'get_time' on server 'alpha' failed: Request failed (remote): Tool 'get_time' is not enabled on server 'alpha' (start it with --tools including get_time)",
                "error: Malformed JSON arguments at position 12: Expected depth to be zero at the end of the JSON payload in {\"message\":",
            ],
            Lines(result.Error));
    }

    [Fact]
    public async Task Quit_in_json_mode_ends_the_process_with_nothing_more_written()
    {
        await using var repl = ReplProcess.Start(fleet.Targets);

        var strategy = await repl.ResultAsync("strategy");

        Assert.Equal("round-robin", strategy.GetProperty("strategy").GetString());
        Assert.Equal(0, await repl.QuitAsync());
    }

    [Fact]
    public async Task The_end_of_input_ends_the_session_like_quit()
    {
        var result = await RunAsync("""call beta echo {"message": "last words"}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("last words\n", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task An_empty_fleet_starts_and_says_how_to_add_a_server()
    {
        using TemporaryDirectory directory = new();

        var result = await CliRunner.RunProcessAsync(
            new CliProcessOptions { StandardInput = "servers\ntools\nstats\n", WorkingDirectory = directory.Path }, "repl");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["No servers; add one with: add <name> <target> [transport]", "No tools.", "No calls yet."], Lines(result.Output));
    }

    private Task<CliResult> RunAsync(params string[] lines) =>
        CliRunner.RunProcessAsync(new CliProcessOptions { StandardInput = string.Join('\n', lines) + "\n" }, ["repl", .. fleet.Targets]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
