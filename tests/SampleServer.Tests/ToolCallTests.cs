using System.Text.Json;
using McpFleet.SampleServer.Launching;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public sealed class ToolCallTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public ToolCallTests()
    {
        Directory.CreateDirectory(_root.Combine("docs"));
        File.WriteAllText(_root.Combine("b.txt"), "hello");
        File.WriteAllText(_root.Combine("a.txt"), "");
    }

    public void Dispose() => _root.Dispose();

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Echo_returns_the_message_unchanged(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        CallToolResult result = await CallAsync(server, "echo", new() { ["message"] = "Grüße, \"world\" ✓\n" });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Grüße, \"world\" ✓\n", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Get_time_returns_one_instant_in_utc_and_in_the_zone(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        JsonElement time = Structured(await CallAsync(server, "get_time", new() { ["timezone"] = "Asia/Kolkata" }));

        DateTimeOffset utc = time.GetProperty("utc").GetDateTimeOffset();
        DateTimeOffset local = time.GetProperty("local").GetDateTimeOffset();
        Assert.Equal("Asia/Kolkata", time.GetProperty("timezone").GetString());
        Assert.EndsWith("Z", time.GetProperty("utc").GetString(), StringComparison.Ordinal);
        Assert.Equal(new TimeSpan(5, 30, 0), local.Offset);
        Assert.Equal(utc, local);
        Assert.Equal(utc.ToUnixTimeMilliseconds(), time.GetProperty("unixTimeMilliseconds").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Get_time_with_an_unknown_zone_is_a_tool_error(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        CallToolResult result = await CallAsync(server, "get_time", new() { ["timezone"] = "Nowhere/Land" });

        Assert.True(result.IsError);
        Assert.Contains("Unknown time zone 'Nowhere/Land'", ErrorText(result), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task List_files_lists_the_root_sorted_with_sizes(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        JsonElement listing = Structured(await CallAsync(server, "list_files", []));

        Assert.Equal(".", listing.GetProperty("path").GetString());
        Assert.Equal(
            """[{"name":"a.txt","kind":"file","size":0},{"name":"b.txt","kind":"file","size":5},{"name":"docs","kind":"directory"}]""",
            listing.GetProperty("entries").GetRawText());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task List_files_refuses_to_leave_the_root(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        CallToolResult result = await CallAsync(server, "list_files", new() { ["path"] = "docs/../.." });

        Assert.True(result.IsError);
        Assert.Contains("Path 'docs/../..' is outside the root directory.", ErrorText(result), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Math_calc_evaluates_the_expression(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        JsonElement calculation = Structured(await CallAsync(server, "math_calc", new() { ["expression"] = "(1.5 + 2) × −2" }));

        Assert.Equal("(1.5 + 2) × −2", calculation.GetProperty("expression").GetString());
        Assert.Equal(-7, calculation.GetProperty("result").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Math_calc_reports_a_bad_expression_as_a_tool_error(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        CallToolResult result = await CallAsync(server, "math_calc", new() { ["expression"] = "(1+2))" });

        Assert.True(result.IsError);
        Assert.Contains("Unexpected ')' at position 6", ErrorText(result), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Run_command_returns_exit_code_and_output(ServerTransportKind transport)
    {
        await using ConnectedServer server = await StartAsync(transport);

        // The sample server itself serves as a portable program with known output and exit codes.
        JsonElement help = Structured(await RunAsync(server, [SampleServerProcess.ServerAssemblyPath, "--help"]));
        JsonElement usageError = Structured(await RunAsync(server, [SampleServerProcess.ServerAssemblyPath, "--tools", "nope"]));

        Assert.Equal(0, help.GetProperty("exitCode").GetInt32());
        Assert.Contains("--allow-run-command", help.GetProperty("stdout").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, usageError.GetProperty("exitCode").GetInt32());
        Assert.Contains("Unknown tool 'nope' in --tools", usageError.GetProperty("stderr").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_command_kills_a_program_that_outlives_its_timeout()
    {
        await using ConnectedServer server = await StartAsync(ServerTransportKind.Stdio);

        // An HTTP sample server runs until it is stopped.
        CallToolResult result = await RunAsync(server, [SampleServerProcess.ServerAssemblyPath, "--transport", "http"], timeoutSeconds: 1);

        Assert.True(result.IsError);
        Assert.Contains("did not finish within 1 s; its process tree was killed", ErrorText(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_command_reports_a_missing_program_as_a_tool_error()
    {
        await using ConnectedServer server = await StartAsync(ServerTransportKind.Stdio);

        CallToolResult result = await CallAsync(server, "run_command", new() { ["command"] = "mcpfleet-no-such-program" });

        Assert.True(result.IsError);
        Assert.Contains("Could not start 'mcpfleet-no-such-program'", ErrorText(result), StringComparison.Ordinal);
    }

    private Task<ConnectedServer> StartAsync(ServerTransportKind transport) =>
        ConnectedServer.StartAsync(transport, "alpha", ["--root", _root.FullPath, "--allow-run-command"]);

    private static async Task<CallToolResult> CallAsync(ConnectedServer server, string tool, Dictionary<string, object?> arguments) =>
        await server.Client.CallToolAsync(tool, arguments, cancellationToken: server.CancellationToken);

    private static Task<CallToolResult> RunAsync(ConnectedServer server, string[] arguments, int timeoutSeconds = 60) =>
        CallAsync(server, "run_command", new()
        {
            ["command"] = SampleServerProcess.DotNetHost,
            ["arguments"] = arguments,
            ["timeoutSeconds"] = timeoutSeconds,
        });

    private static JsonElement Structured(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        return Assert.NotNull(result.StructuredContent);
    }

    private static string ErrorText(CallToolResult result) =>
        Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
