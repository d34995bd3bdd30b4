using McpFleet.Snapshots;

namespace McpFleet.Cli.Tests.Check;

/// <summary>
/// <c>mcpfleet check</c> against snapshots captured from the standard sample server, with servers started with a
/// changed tool set (<c>--tools</c>) or schema (<c>--variant</c>): the classified differences and the exit codes.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Servers_that_match_their_snapshots_pass()
    {
        await CaptureStandardAsync("alpha", "beta");

        var result = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc").SampleStdio("beta", "--tools", "echo", "math_calc"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "ok      alpha: matches its snapshot (2 tools)",
                "ok      beta: matches its snapshot (2 tools)",
                $"Checked 2 servers against {Snapshots}: 2 ok.",
            ],
            Lines(result));
    }

    [Fact]
    public async Task Breaking_drift_fails_with_exit_code_1_and_lists_every_change()
    {
        await CaptureStandardAsync("alpha", "beta");

        var result = await CheckAsync(new McpJson()
            .SampleStdio("alpha", "--tools", "echo", "--variant", "echo-number-message")
            .SampleStdio("beta", "--tools", "echo", "math_calc"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            [
                "broken  alpha: 3 changes (2 breaking, 1 description change)",
                "          echo: parameter 'message': type string → number (breaking)",
                "          echo: parameter 'message': description changed (description change)",
                "          math_calc: tool removed (breaking)",
                "ok      beta: matches its snapshot (2 tools)",
                $"Checked 2 servers against {Snapshots}: 1 ok, 1 broken.",
            ],
            Lines(result));
    }

    [Theory]
    [InlineData("echo-required-param", "echo: new required parameter 'prefix' (string) (breaking)")]
    [InlineData("echo-destructive", "echo: read-only → not read-only (annotation escalation)")]
    public async Task Breaking_changes_and_annotation_escalations_fail(string variant, string line)
    {
        await CaptureStandardAsync("alpha");

        var result = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc", "--variant", variant));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"          {line}", Lines(result));
    }

    [Fact]
    public async Task Compatible_drift_passes_and_is_listed()
    {
        await CaptureStandardAsync("alpha");

        var result = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc", "get_time", "--variant", "echo-optional-param"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "changed alpha: 2 changes (2 compatible)",
                "          echo: new optional parameter 'repeat' (integer) (compatible)",
                "          get_time: new tool, not in the snapshot (typed methods never call it) (compatible)",
            ],
            Lines(result)[..3]);
    }

    [Fact]
    public async Task A_description_change_is_a_warning_unless_fail_on_names_it()
    {
        await CaptureStandardAsync("alpha");
        var config = new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc", "--variant", "echo-new-description");

        var warned = await CheckAsync(config);
        var failed = await CheckAsync(config, "--fail-on", "description-change");

        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Equal(["changed alpha: 1 change (1 description change)", "          echo: description changed (description change)"], Lines(warned)[..2]);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.StartsWith("broken  alpha: 1 change", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_none_reports_drift_without_failing()
    {
        await CaptureStandardAsync("alpha");

        var result = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc", "--variant", "echo-destructive"), "--fail-on", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("changed alpha: 3 changes (3 annotation escalations)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_recaptures_so_the_next_check_passes()
    {
        await CaptureStandardAsync("alpha");
        var config = new McpJson().SampleStdio("alpha", "--tools", "echo", "--variant", "echo-number-message");

        var updated = await CheckAsync(config, "--update");
        var again = await CheckAsync(config);

        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.StartsWith($"broken  alpha: 3 changes (2 breaking, 1 description change); snapshot updated: {Path.Join(Snapshots, "alpha.snapshot.json")}", updated.Output, StringComparison.Ordinal);
        Assert.Contains($"Checked and updated 1 server against {Snapshots}: 1 broken.", updated.Output, StringComparison.Ordinal);
        var snapshot = await SnapshotFiles.ReadAsync(Path.Join(Snapshots, "alpha.snapshot.json"));
        var echo = Assert.Single(snapshot.Tools);
        Assert.Equal("number", echo.GetProperty("inputSchema").GetProperty("properties").GetProperty("message").GetProperty("type").GetString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith("ok      alpha: matches its snapshot (1 tool)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_writes_the_snapshot_of_a_server_that_had_none()
    {
        var result = await CheckAsync(new McpJson().SampleStdio("fresh", "--tools", "echo"), "--update");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("changed fresh: 1 change (1 compatible); snapshot created:", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(Snapshots, "fresh.snapshot.json")));
    }

    [Fact]
    public async Task A_server_that_cannot_be_checked_exits_with_3_unless_drift_fails_the_run()
    {
        await CaptureStandardAsync("alpha");

        var notChecked = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc").SampleStdio("missing"));
        var drifted = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo").SampleStdio("missing"));

        Assert.True(notChecked.ExitCode == 3, notChecked.ToString());
        Assert.Contains($"failed  missing: Server 'missing': no snapshot at {Path.Join(Snapshots, "missing.snapshot.json")}; capture it with mcpfleet capture or mcpfleet check --update.", Lines(notChecked));
        Assert.True(drifted.ExitCode == 1, drifted.ToString());
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_and_exits_with_3()
    {
        await CaptureStandardAsync("alpha");
        File.Copy(Path.Join(Snapshots, "alpha.snapshot.json"), Path.Join(Snapshots, "gone.snapshot.json"));

        var result = await CheckAsync(new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc").Stdio("gone", ("mcpfleet-no-such-command", [])));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(Lines(result), line => line.StartsWith("failed  gone: Server 'gone' (stdio ", StringComparison.Ordinal));
        Assert.Contains("ok      alpha: matches its snapshot (2 tools)", Lines(result));
    }

    [Theory]
    [InlineData("--fail-on", "everything")]
    [InlineData("--timeout", "0")]
    public async Task Bad_arguments_exit_with_2(params string[] arguments)
    {
        var config = new McpJson().SampleStdio("alpha").WriteTo(_directory);

        var result = await CliRunner.RunAsync(["check", "--config", config, .. arguments]);

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public async Task A_missing_configuration_exits_with_2()
    {
        var result = await CliRunner.RunAsync("check", "--config", _directory.Combine("none.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public async Task The_tool_exits_non_zero_on_breaking_drift_as_ci_runs_it()
    {
        await CaptureStandardAsync("alpha");
        var config = new McpJson().SampleStdio("alpha", "--tools", "echo", "math_calc", "--variant", "echo-number-message").WriteTo(_directory, "drifted.json");

        var result = await CliRunner.RunProcessAsync(new Dictionary<string, string>(), "check", "--config", config, "--snapshots", Snapshots);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("          echo: parameter 'message': type string → number (breaking)", result.Output, StringComparison.Ordinal);
    }

    private string Snapshots => _directory.Combine("snapshots");

    /// <summary>Captures standard sample servers (<c>echo</c> and <c>math_calc</c>) into the snapshot folder.</summary>
    private async Task CaptureStandardAsync(params string[] names)
    {
        var config = names.Aggregate(new McpJson(), (json, name) => json.SampleStdio(name, "--tools", "echo", "math_calc")).WriteTo(_directory, "standard.json");
        var result = await CliRunner.RunAsync("capture", "--config", config, "--out", Snapshots);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Help_states_each_default_once()
    {
        var result = await CliRunner.RunAsync("check", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The option's help runs from its line to the next option's, wrapped or not.
        var failOn = string.Join(' ', result.Output.Split('\n')
            .SkipWhile(line => !line.TrimStart().StartsWith("--fail-on", StringComparison.Ordinal))
            .TakeWhile((line, index) => index == 0 || !line.TrimStart().StartsWith('-')));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(failOn, "[Dd]efault"));
        Assert.Contains("breaking", failOn, StringComparison.Ordinal);
    }

    private async Task<CliResult> CheckAsync(McpJson servers, params string[] arguments) =>
        await CliRunner.RunAsync(["check", "--config", servers.WriteTo(_directory, "live.json"), "--snapshots", Snapshots, .. arguments]);

    private static string[] Lines(CliResult result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
