using System.Text.Json;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// Every verb of <c>mcpfleet repl --json</c>, sent one by one to the real process over its standard input, against
/// sample servers over Streamable HTTP and stdio. The tests share the process and leave it as they found it.
/// </summary>
[Collection(ReplProcessGroup.Name)]
public sealed class ReplJsonTests(JsonReplSession session) : IClassFixture<JsonReplSession>
{
    private ReplProcess Repl => session.Repl;

    [Fact]
    public async Task Servers_shows_health_transport_latency_and_tool_count_of_each_server()
    {
        var servers = (await Repl.ResultAsync("servers")).GetProperty("servers").EnumerateArray().ToList();

        Assert.Equal(["alpha", "beta", "gamma"], servers.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["http", "http", "stdio"], servers.Select(s => s.GetProperty("transport").GetString()));
        Assert.All(servers, server =>
        {
            Assert.Equal("healthy", server.GetProperty("health").GetString());
            Assert.True(server.GetProperty("connected").GetBoolean());
            Assert.True(server.GetProperty("latencyMs").GetDouble() > 0);
            Assert.Equal(2, server.GetProperty("tools").GetInt32());
        });
        Assert.Equal(session.Fleet.Alpha.Endpoint.ToString(), servers[0].GetProperty("target").GetString());
        Assert.Contains("--name gamma", servers[2].GetProperty("target").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tools_lists_the_tools_of_every_server_sorted()
    {
        var tools = (await Repl.ResultAsync("tools")).GetProperty("tools").EnumerateArray()
            .Select(t => $"{t.GetProperty("server").GetString()}/{t.GetProperty("name").GetString()}");

        Assert.Equal(["alpha/echo", "alpha/math_calc", "beta/echo", "beta/get_time", "gamma/echo", "gamma/list_files"], tools);
    }

    [Fact]
    public async Task Tools_of_one_server_lists_only_its_tools_with_their_schemas()
    {
        var tools = (await Repl.ResultAsync("tools gamma")).GetProperty("tools").EnumerateArray().ToList();

        Assert.Equal(["echo", "list_files"], tools.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("object", tools[0].GetProperty("inputSchema").GetProperty("type").GetString());
        Assert.Contains("Returns the message unchanged", tools[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alpha")]
    [InlineData("beta")]
    [InlineData("gamma")]
    public async Task Call_with_a_server_calls_that_server(string server)
    {
        var before = session.Fleet.ExecutionsOf("echo", "alpha", "beta", "gamma");

        var result = await Repl.ResultAsync($$"""call {{server}} echo {"message": "hello {{server}}"}""");

        Assert.Equal(server, result.GetProperty("server").GetString());
        Assert.False(result.GetProperty("routed").GetBoolean());
        Assert.Equal($"hello {server}", result.GetProperty("text").GetString());
        Assert.Equal("text", result.GetProperty("result").GetProperty("content")[0].GetProperty("type").GetString());
        var after = session.Fleet.ExecutionsOf("echo", "alpha", "beta", "gamma");
        Assert.All(after, executions => Assert.Equal(before[executions.Key] + (executions.Key == server ? 1 : 0), executions.Value));
    }

    [Fact]
    public async Task Call_keeps_structured_content()
    {
        var result = await Repl.ResultAsync("""call alpha math_calc {"expression": "2 + 3 * 4"}""");

        Assert.Equal(14, result.GetProperty("result").GetProperty("structuredContent").GetProperty("result").GetDouble());
    }

    [Fact]
    public async Task Call_without_a_server_is_routed_among_the_servers_that_list_the_tool()
    {
        await Repl.ResultAsync("strategy round-robin");
        var before = session.Fleet.ExecutionsOf("echo", "alpha", "beta", "gamma");

        var answers = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await Repl.ResultAsync($$"""call echo {"message": "routed {{i}}"}"""));
        }

        // Round robin over the three servers that list echo reaches each once.
        Assert.Equal(["alpha", "beta", "gamma"], answers.Select(a => a.GetProperty("server").GetString()).Order(StringComparer.Ordinal));
        Assert.All(answers, answer =>
        {
            Assert.True(answer.GetProperty("routed").GetBoolean());
            Assert.Equal("round-robin", answer.GetProperty("strategy").GetString());
        });
        Assert.Equal(["routed 0", "routed 1", "routed 2"], answers.Select(a => a.GetProperty("text").GetString()));
        Assert.All(session.Fleet.ExecutionsOf("echo", "alpha", "beta", "gamma"), executions => Assert.Equal(before[executions.Key] + 1, executions.Value));
    }

    [Fact]
    public async Task Call_of_a_tool_only_one_server_lists_goes_to_that_server_without_routing()
    {
        var result = await Repl.ResultAsync("""call get_time {"timezone": "UTC"}""");

        Assert.Equal("beta", result.GetProperty("server").GetString());
        Assert.True(result.GetProperty("routed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("strategy").ValueKind);
    }

    [Fact]
    public async Task Broadcast_calls_every_server_that_lists_the_tool_once_in_parallel()
    {
        var before = session.Fleet.ExecutionsOf("echo", "alpha", "beta", "gamma");

        var result = await Repl.ResultAsync("""broadcast echo {"message": "to all"}""");

        Assert.Equal("all", result.GetProperty("strategy").GetString());
        var outcomes = result.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(["alpha", "beta", "gamma"], outcomes.Select(o => o.GetProperty("server").GetString()));
        Assert.All(outcomes, outcome => Assert.Equal(("succeeded", "to all"), (outcome.GetProperty("status").GetString(), outcome.GetProperty("text").GetString())));
        Assert.Equal(["alpha", "beta", "gamma"], result.GetProperty("contributors").EnumerateArray().Select(c => c.GetString()));
        Assert.All(session.Fleet.ExecutionsOf("echo", "alpha", "beta", "gamma"), executions => Assert.Equal(before[executions.Key] + 1, executions.Value));
    }

    [Theory]
    [InlineData("majority", 2)]
    [InlineData("first", 1)]
    [InlineData("fastest", 1)]
    [InlineData("quorum:3", 3)]
    public async Task Broadcast_aggregates_by_the_chosen_strategy(string strategy, int minimumContributors)
    {
        var result = await Repl.ResultAsync($$"""broadcast echo --aggregate {{strategy}} {"message": "agreed"}""");

        Assert.Equal(strategy, result.GetProperty("strategy").GetString());
        Assert.Equal("agreed", result.GetProperty("value").GetString());
        Assert.InRange(result.GetProperty("contributors").GetArrayLength(), minimumContributors, 3);
    }

    [Fact]
    public async Task Strategy_shows_and_switches_the_routing_strategy()
    {
        await Repl.ResultAsync("strategy round-robin");

        var switched = await Repl.ResultAsync("strategy least-outstanding");
        var shown = await Repl.ResultAsync("strategy");
        var routed = await Repl.ResultAsync("""call echo {"message": "least"}""");
        await Repl.ResultAsync("strategy round-robin");

        Assert.Equal("least-outstanding", switched.GetProperty("strategy").GetString());
        Assert.Equal("round-robin", switched.GetProperty("previous").GetString());
        Assert.Equal("least-outstanding", shown.GetProperty("strategy").GetString());
        Assert.Equal("least-outstanding", routed.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task Stats_counts_calls_errors_and_routing_decisions_from_the_runtimes_metrics()
    {
        var before = await Repl.ResultAsync("stats");
        await Repl.ResultAsync("""call alpha echo {"message": "one"}""");
        await Repl.ResultAsync("""call alpha echo {"message": "two"}""");
        await Repl.ErrorAsync("""call alpha math_calc {"expression": "1 +"}""");
        var routed = await Repl.ResultAsync("""call echo {"message": "three"}""");
        var after = await Repl.ResultAsync("stats");

        Assert.Equal(2, Calls(after, "alpha", "echo", "calls") - Calls(before, "alpha", "echo", "calls") - (routed.GetProperty("server").GetString() == "alpha" ? 1 : 0));
        Assert.Equal(1, Calls(after, "alpha", "math_calc", "errors") - Calls(before, "alpha", "math_calc", "errors"));
        Assert.Equal(1, Decisions(after) - Decisions(before));
        var echo = after.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("server").GetString() == "alpha" && c.GetProperty("tool").GetString() == "echo");
        Assert.True(echo.GetProperty("p50Ms").GetDouble() > 0);
        Assert.True(echo.GetProperty("p95Ms").GetDouble() >= echo.GetProperty("p50Ms").GetDouble());

        static long Calls(JsonElement stats, string server, string tool, string property) =>
            stats.GetProperty("calls").EnumerateArray()
                .Where(c => c.GetProperty("server").GetString() == server && c.GetProperty("tool").GetString() == tool)
                .Sum(c => c.GetProperty(property).GetInt64());

        static long Decisions(JsonElement stats) =>
            stats.GetProperty("routing").EnumerateArray().Where(d => d.GetProperty("tool").GetString() == "echo").Sum(d => d.GetProperty("decisions").GetInt64());
    }

    [Fact]
    public async Task Add_and_remove_change_the_fleet_while_it_runs()
    {
        await using var delta = await SampleServerProcess.StartAsync("delta", SampleTransport.Sse, ["--tools", "echo", "list_files", "get_time"]);

        var added = await Repl.ResultAsync($"add delta {delta.Endpoint.Authority} sse");
        var called = await Repl.ResultAsync("""call delta echo {"message": "over sse"}""");
        var serversWithDelta = await Repl.ResultAsync("servers");
        var removed = await Repl.ResultAsync("remove delta");
        var error = await Repl.ErrorAsync("""call delta echo {"message": "gone"}""");
        var serversWithoutDelta = await Repl.ResultAsync("servers");

        Assert.Equal("sse", added.GetProperty("added").GetProperty("transport").GetString());
        Assert.Equal(3, added.GetProperty("added").GetProperty("tools").GetInt32());
        Assert.Equal(delta.Endpoint.ToString(), added.GetProperty("added").GetProperty("target").GetString());
        Assert.Equal("over sse", called.GetProperty("text").GetString());
        Assert.Contains("delta", Names(serversWithDelta));
        Assert.Equal("delta", removed.GetProperty("removed").GetString());
        Assert.Equal("Unknown server 'delta'; servers: alpha, beta, gamma.", error);
        Assert.Equal(["alpha", "beta", "gamma"], Names(serversWithoutDelta));

        static string[] Names(JsonElement servers) => [.. servers.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];
    }

    [Fact]
    public async Task Add_of_a_server_that_cannot_be_reached_fails_and_leaves_the_fleet_as_it_was()
    {
        var error = await Repl.ErrorAsync("add nobody 127.0.0.1:1");
        var servers = await Repl.ResultAsync("servers");

        Assert.StartsWith("Could not add server 'nobody': ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", servers.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""call nosuch echo {"message": "x"}""", "Unknown server 'nosuch'; servers: alpha, beta, gamma.")]
    [InlineData("""call no_such_tool {"message": "x"}""", "Unknown tool 'no_such_tool': no server lists it")]
    [InlineData("""call alpha no_such_tool {}""", "Tool 'no_such_tool' does not exist on server 'alpha'; available: echo, math_calc")]
    [InlineData("""call alpha get_time {}""", "Tool 'get_time' is not enabled on server 'alpha'")]
    [InlineData("""call alpha echo {"message": }""", "Malformed JSON arguments at position 13:")]
    [InlineData("""call alpha echo {"message": "x" "y"}""", "Malformed JSON arguments at position ")]
    [InlineData("""call alpha echo ["x"]""", "Tool arguments must be a JSON object, not array")]
    [InlineData("""call alpha math_calc {"expression": "2 *"}""", "Tool 'math_calc' on server 'alpha' reported an error:")]
    [InlineData("call alpha", "Missing tool after server 'alpha'")]
    [InlineData("tools nosuch", "Unknown server 'nosuch'")]
    [InlineData("remove nosuch", "Unknown server 'nosuch'")]
    [InlineData("add alpha 127.0.0.1:1", "Server 'alpha' is already in the fleet")]
    [InlineData("add b@d 127.0.0.1:1", "Invalid server name 'b@d'")]
    [InlineData("strategy fastest-ever", "Unknown routing strategy 'fastest-ever'")]
    [InlineData("servers now", "Unexpected 'now'; usage: servers")]
    [InlineData("broadcast no_such_tool {}", "Unknown tool 'no_such_tool': no server lists it.")]
    [InlineData("""broadcast echo --aggregate loudest {"message": "x"}""", "Unknown aggregation strategy 'loudest'; expected all, first, fastest, majority or quorum:<count>.")]
    [InlineData("""broadcast echo --aggregate quorum:4 {"message": "x"}""", "broadcast echo (quorum:4): ")]
    [InlineData("broadcast echo loudly", "Unexpected 'loudly'; usage: broadcast <tool>")]
    [InlineData("frobnicate", "Unknown command 'frobnicate'; type help for the commands.")]
    public async Task An_error_is_one_line_on_stderr_and_the_session_goes_on(string command, string expected)
    {
        var reply = await Repl.SendAsync(command);
        var next = await Repl.SendAsync("""call alpha echo {"message": "still here"}""");

        Assert.True(reply.IsError, reply.ToString());
        Assert.Contains(expected, reply.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', reply.Line);
        Assert.False(next.IsError, next.ToString());
        Assert.Equal("still here", next.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var commands = (await Repl.ResultAsync("help")).GetProperty("commands").EnumerateArray().ToList();

        Assert.Equal(
            ["add", "broadcast", "call", "help", "quit", "remove", "selftest", "servers", "stats", "strategy", "tools"],
            commands.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(
            ["broadcast", "call", "selftest", "servers", "stats", "tools"],
            commands.Where(c => c.GetProperty("oneShot").GetBoolean()).Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("call [server] <tool> [json]", commands[2].GetProperty("usage").GetString());
    }

    [Fact]
    public async Task Help_explains_one_command()
    {
        var help = await Repl.ResultAsync("help add");

        var add = Assert.Single(help.GetProperty("commands").EnumerateArray());
        Assert.Equal("add <name> <target> [transport]", add.GetProperty("usage").GetString());
    }
}
