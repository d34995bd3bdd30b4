using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// <c>mcpfleet selftest</c> and <c>mcpfleet repl --test</c>, the classic clients' test mode, against the demo's three
/// servers: alpha on stdio (math_calc, echo), beta on Streamable HTTP (get_time, echo), gamma on SSE (list_files, echo).
/// </summary>
[Collection(ReplProcessGroup.Name)]
public sealed class SelfTestTests
{
    [Fact]
    public async Task Passes_on_the_demo_servers_and_fails_naming_a_stopped_one()
    {
        using TemporaryDirectory directory = new();
        var beta = await SampleServerProcess.StartAsync("beta", SampleTransport.Http, ["--tools", "get_time", "echo"]);
        await using var gamma = await SampleServerProcess.StartAsync("gamma", SampleTransport.Sse, ["--tools", "list_files", "echo", "--root", directory.Path]);
        string config;
        CliResult passing;
        try
        {
            config = new McpJson()
                .SampleStdio("alpha", "--tools", "math_calc", "echo")
                .Remote("beta", "http", beta.Endpoint)
                .Remote("gamma", "sse", gamma.Endpoint)
                .WriteTo(directory);

            passing = await CliRunner.RunProcessAsync(new CliProcessOptions(), "selftest", "--config", config);
        }
        finally
        {
            await beta.DisposeAsync();
        }

        var failing = await CliRunner.RunProcessAsync(new CliProcessOptions(), "repl", "--test", "--config", config);

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Equal("", passing.Error);
        var rows = Rows(passing.Output);
        Assert.Equal(
            [("alpha", "connect, list tools"), ("beta", "connect, list tools"), ("beta", "call get_time"), ("gamma", "connect, list tools"), ("gamma", "call list_files")],
            rows.Select(row => (row.Server, row.Check)));
        Assert.All(rows, row => Assert.Equal("pass", row.Result));
        Assert.Contains("5 checks passed on 3 servers", passing.Output, StringComparison.Ordinal);

        Assert.True(failing.ExitCode == 1, failing.ToString());
        var failed = Assert.Single(Rows(failing.Output), row => row.Result == "FAIL");
        Assert.Equal(("beta", "connect, list tools"), (failed.Server, failed.Check));
        Assert.StartsWith("warning: selftest: server 'beta': connect, list tools failed: ", failing.Error, StringComparison.Ordinal);
        Assert.Contains("1 of 4 checks failed, on beta", failing.Output, StringComparison.Ordinal);
    }

    /// <summary>The table's rows, from the plain output: the columns are separated by at least two spaces.</summary>
    private static List<(string Server, string Check, string Result)> Rows(string output) =>
    [
        .. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(line => !line.StartsWith("SERVER", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => !line.Contains("checks", StringComparison.Ordinal))
            .Select(line => System.Text.RegularExpressions.Regex.Split(line, " {2,}"))
            .Select(cells => (cells[0], cells[1], cells[2])),
    ];
}
