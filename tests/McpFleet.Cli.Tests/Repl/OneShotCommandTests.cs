using System.Text.Json;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// <c>mcpfleet servers|tools|call|stats …</c>: one verb of the REPL, run once by the real process for a script, with
/// the exit code telling how it went and errors as one line on stderr.
/// </summary>
[Collection(ReplProcessGroup.Name)]
public sealed class OneShotCommandTests(SampleFleet fleet) : IClassFixture<SampleFleet>
{
    private const string Token = "tok-8c41e7d29a05";

    [Fact]
    public async Task Servers_writes_one_json_document()
    {
        var result = await RunAsync(["servers", "--json", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var servers = Json(result.Output).GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(["alpha", "beta"], servers.Select(s => s.GetProperty("name").GetString()));
        Assert.All(servers, s => Assert.Equal("healthy", s.GetProperty("health").GetString()));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Tools_of_one_server_is_a_plain_table_when_redirected()
    {
        var result = await RunAsync(["tools", "alpha", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("SERVER  TOOL       DESCRIPTION", lines[0]);
        Assert.Equal(["alpha   echo", "alpha   math_calc"], lines[1..].Select(line => line[..18].TrimEnd()));
    }

    [Fact]
    public async Task Call_with_a_server_prints_the_result()
    {
        var result = await RunAsync(["call", "alpha", "echo", """{"message": "one shot"}""", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("\none shot\n", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("echo on alpha (", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_shows_the_servers_progress_on_stderr_and_the_result_alone_on_stdout()
    {
        var (server, endpoint) = await ReferenceServers.StartEverythingHttpAsync();
        await using var _ = server;

        var result = await RunAsync(["call", "everything", "trigger-long-running-operation", """{"duration": 2, "steps": 4}""", $"everything={endpoint}"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^trigger-long-running-operation: [1-4]/4", result.Error);
        Assert.DoesNotContain("/4", result.Output, StringComparison.Ordinal);
        Assert.Contains("completed", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Call_without_a_server_is_routed_to_a_server_that_lists_the_tool()
    {
        var result = await RunAsync(["call", "math_calc", """{"expression": "6 * 7"}""", "--json", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var call = Json(result.Output);
        Assert.Equal("alpha", call.GetProperty("server").GetString());
        Assert.Equal(42, call.GetProperty("result").GetProperty("structuredContent").GetProperty("result").GetDouble());
    }

    [Fact]
    public async Task Stats_of_a_one_shot_run_has_no_calls()
    {
        var result = await RunAsync(["stats", "--json", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"calls":[],"routing":[]}""", result.Output.TrimEnd());
    }

    [Fact]
    public async Task Tools_of_one_tool_shows_its_parameters_and_their_types()
    {
        var result = await RunAsync(["tools", "alpha", "math_calc", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("math_calc on alpha", lines[0], StringComparison.Ordinal);
        Assert.Contains("read-only", lines[1], StringComparison.Ordinal);
        var header = Array.FindIndex(lines, line => line.StartsWith("PARAMETER", StringComparison.Ordinal));
        Assert.Matches(@"^PARAMETER\s+TYPE\s+REQUIRED\s+DESCRIPTION$", lines[header]);
        Assert.Matches(@"^expression\s+string\s+yes\s+\S", lines[header + 1]);
        Assert.Contains(lines, line => line.StartsWith("Returns: object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tools_of_an_unknown_tool_names_the_tools_there_are()
    {
        var result = await RunAsync(["tools", "alpha", "math_calk", .. fleet.Targets]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("error: Server 'alpha' lists no tool 'math_calk'; tools: echo, math_calc. Did you mean 'math_calc'?\n", result.Error);
    }

    [Fact]
    public async Task Broadcast_with_all_shows_each_answer_once()
    {
        var result = await RunAsync(["broadcast", "echo", """{"message": "only once each"}""", .. fleet.Targets]);

        Assert.True(result.ExitCode == 0, result.ToString());
        // One row per server, and no aggregate repeating them underneath.
        Assert.Equal(2, result.Output.Split("only once each").Length - 1);
    }

    [Theory]
    [InlineData("call alpah echo {}", "error: Unknown server 'alpah'; servers: alpha, beta. Did you mean 'alpha'?")]
    [InlineData("call nosuch echo {}", "error: Unknown server 'nosuch'; servers: alpha, beta.")]
    [InlineData("call alpha get_time {}", "error: Calling tool 'get_time' on server 'alpha' failed: Request failed (remote): Tool 'get_time' is not enabled on server 'alpha' (start it with --tools including get_time)")]
    [InlineData("call alpha echo {\"message\":", "error: Malformed JSON arguments at position 12: ")]
    [InlineData("tools gamma", "error: Unknown server 'gamma'; servers: alpha, beta.")]
    public async Task A_failure_exits_with_1_and_one_line_on_stderr(string command, string expected)
    {
        var result = await RunAsync([.. command.Split(' ', 3), .. fleet.Targets]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Output);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_failure_in_json_mode_is_a_json_error_line_on_stderr()
    {
        var result = await RunAsync(["call", "nosuch_tool", "{}", "--json", .. fleet.Targets]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Output);
        Assert.StartsWith("Unknown tool 'nosuch_tool'", Json(result.Error).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_servers_is_a_usage_error()
    {
        using TemporaryDirectory directory = new();

        var result = await CliRunner.RunProcessAsync(new CliProcessOptions { WorkingDirectory = directory.Path }, "servers");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: No servers: give name=target arguments (e.g. alpha=127.0.0.1:8080) or --config;", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("servers alpha=", "error: Server 'alpha' has no target")]
    [InlineData("servers b@d=127.0.0.1:1 alpha=127.0.0.1:1", "error: Unexpected 'b@d=127.0.0.1:1'; usage: servers")]
    [InlineData("servers --transport carrier-pigeon alpha=127.0.0.1:1", "Argument 'carrier-pigeon' not recognized")]
    [InlineData("servers --config missing.json", "missing.json")]
    public async Task Bad_servers_are_usage_errors(string command, string expected)
    {
        using TemporaryDirectory directory = new();

        var result = await CliRunner.RunProcessAsync(new CliProcessOptions { WorkingDirectory = directory.Path }, command.Split(' '));

        Assert.True(result.ExitCode is 1 or 2, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Servers_come_from_the_mcp_json_in_the_current_folder()
    {
        using TemporaryDirectory directory = new();
        new McpJson().Remote("from-config", "http", fleet.Beta.Endpoint).WriteTo(directory);

        var result = await CliRunner.RunProcessAsync(new CliProcessOptions { WorkingDirectory = directory.Path }, "call", "from-config", "echo", """{"message": "configured"}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("echo on from-config (", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_of_the_configuration_never_appears_even_when_a_tool_sends_it_back()
    {
        using TemporaryDirectory directory = new();
        await using var guarded = await SampleServerProcess.StartAsync(
            "guarded", SampleTransport.Http, ["--auth-token-env", "GUARD_TOKEN", "--tools", "echo", "request_headers"], new Dictionary<string, string> { ["GUARD_TOKEN"] = Token });
        var config = new McpJson()
            .Remote("guarded", "http", guarded.Endpoint, new() { ["Authorization"] = "Bearer ${env:FLEET_TOKEN}" })
            .WriteTo(directory);
        var options = new CliProcessOptions { Environment = new Dictionary<string, string> { ["FLEET_TOKEN"] = Token } };

        var headers = await CliRunner.RunProcessAsync(options, "call", "guarded", "request_headers", "{}", "--config", config, "--json");
        var echoed = await CliRunner.RunProcessAsync(options, "call", "guarded", "echo", $$"""{"message": "the token is {{Token}}"}""", "--config", config);
        var failed = await CliRunner.RunProcessAsync(options, "call", "guarded", "no_such_tool", $$"""{"token": "{{Token}}"}""", "--config", config);
        var servers = await CliRunner.RunProcessAsync(options, "servers", "--config", config);

        Assert.True(headers.ExitCode == 0, headers.ToString());
        Assert.Equal("***", Json(Json(headers.Output).GetProperty("text").GetString()!).GetProperty("headers").GetProperty("authorization").GetString());
        Assert.Contains("the token is ***", echoed.Output, StringComparison.Ordinal);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.True(servers.ExitCode == 0, servers.ToString());
        Assert.All([headers, echoed, failed, servers], result => Assert.DoesNotContain(Token, result.AllText, StringComparison.Ordinal));
    }

    private static Task<CliResult> RunAsync(string[] args) => CliRunner.RunProcessAsync(new CliProcessOptions(), args);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
