using McpFleet.Configuration;
using McpFleet.Drift;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;
using McpFleet.Tools;

namespace McpFleet.IntegrationTests;

/// <summary>Typed calls on the sample server, generated from its committed snapshot, over stdio and Streamable HTTP.</summary>
public sealed class SampleServerTests
{
    public static TheoryData<string> Transports { get; } = ["stdio", "http"];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Every_tool_answers_with_its_typed_result(string transport)
    {
        using var root = new TemporaryFolder();
        File.WriteAllText(Path.Join(root.Path, "b.txt"), "bee");
        Directory.CreateDirectory(Path.Join(root.Path, "a"));
        string[] args = ["--root", root.Path, "--allow-run-command", "--tools", "echo", "get_time", "list_files", "math_calc", "run_command"];
        await using var http = transport == "http" ? await SampleServerProcess.StartAsync("sample", SampleTransport.Http, args) : null;
        await using var fleet = Fleets.Create(http is null ? Fleets.SampleStdio("sample", args) : ServerDefinition.Remote("sample", http.Endpoint, TransportKind.StreamableHttp));

        var echo = await fleet.Sample.EchoAsync("hello");
        var math = await fleet.Sample.MathCalcAsync("2 × (3 + 4) − −1");
        var time = await fleet.Sample.GetTimeAsync("Europe/Oslo");
        var files = await fleet.Sample.ListFilesAsync();
        var command = await fleet.Sample.RunCommandAsync("echo", ["typed", "call"]);

        Assert.Equal("hello", echo.Text);
        Assert.Equal(15, math.Result);
        Assert.Equal("Europe/Oslo", time.Timezone);
        Assert.True(DateTimeOffset.Parse(time.Utc, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(["a", "b.txt"], files.Entries.Select(e => e.Name));
        Assert.Equal(3, files.Entries[1].Size);
        Assert.Equal(0, command.ExitCode);
        Assert.Equal("typed call\n", command.Stdout);
    }

    [Fact]
    public async Task A_tool_error_is_a_typed_exception_naming_server_and_tool()
    {
        await using var fleet = Fleets.Create(Fleets.SampleStdio("sample", "--tools", "math_calc"));

        var error = await Assert.ThrowsAsync<ToolErrorException>(() => fleet.Sample.MathCalcAsync("2 +"));

        Assert.StartsWith("Tool 'math_calc' on server 'sample' reported an error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("position 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_the_running_server_no_longer_offers_is_blocked_before_it_is_sent()
    {
        await using var fleet = Fleets.Create(Fleets.SampleStdio("sample", "--tools", "echo"));

        var error = await Assert.ThrowsAsync<ToolBlockedException>(() => fleet.Sample.RunCommandAsync("echo"));

        Assert.Equal(("sample", "run_command"), (error.ServerName, error.ToolName));
        Assert.Contains("'run_command': tool removed (breaking)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_breaking_drift_allowed_the_server_refuses_a_tool_it_does_not_offer_by_name()
    {
        await using var fleet = Fleets.Create(options => options.Drift.Breaking = DriftAction.Allow, Fleets.SampleStdio("sample", "--tools", "echo"));

        var error = await Assert.ThrowsAsync<ToolCallException>(() => fleet.Sample.RunCommandAsync("echo"));

        Assert.Contains("Tool 'run_command' is not enabled on server 'sample'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_fleet_ends_its_server_processes()
    {
        var marker = $"e2e-{Guid.NewGuid():N}";
        var fleet = Fleets.Create(Fleets.SampleStdio("sample", "--title", marker));
        await fleet.Sample.EchoAsync("start");
        var running = ProcessTable.FindByCommandLine(marker);

        await fleet.DisposeAsync();

        Assert.Single(running);
        Assert.Empty(ProcessTable.FindByCommandLine(marker));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mcpfleet-root-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
