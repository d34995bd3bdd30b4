using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using McpFleet.Aggregation;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>Broadcast: a tool called on every server that offers it, by its live tool list.</summary>
[Collection(AggregationServers.Collection)]
public sealed class BroadcastTests
{
    private static readonly JsonElement s_hello = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["message"] = "hello" });

    private static ServerDefinition Offline(string name)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ServerDefinition.Remote(name, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/mcp"), TransportKind.StreamableHttp);
    }

    [Fact]
    public async Task A_broadcast_calls_every_server_that_offers_the_tool_and_reports_those_it_cannot_reach()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(
            TestServers.Stdio("full"), TestServers.Stdio("calc-only", "--tools", "math_calc"), TestServers.Stdio("full-2"), Offline("offline")));

        var result = await runtime.BroadcastAsync("echo", s_hello, AggregationStrategies.All<RawToolResult>());

        Assert.Equal(["full", "full-2", "offline"], result.Outcomes.Select(o => o.Server));
        Assert.Equal(["hello", "hello"], result.Value.Select(r => r.Text));
        Assert.All(result.Value, r => Assert.Null(r.StructuredContent));
        var offline = Assert.IsType<ToolNotSentException>(result.Outcomes[2].Exception);
        Assert.Equal(ConnectionFailureKind.ConnectionRefused, Assert.IsType<ServerConnectionException>(offline.InnerException).Kind);
    }

    [Fact]
    public async Task A_broadcast_aggregates_untyped_results_by_name_of_strategy()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio("one"), TestServers.Stdio("two"), TestServers.Stdio("three")));
        var arguments = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["expression"] = "6 × 7" });

        var result = await runtime.BroadcastAsync("math_calc", arguments, AggregationStrategies.FromName<RawToolResult>("quorum:3"));

        Assert.Equal(42, result.Value.StructuredContent!.Value.GetProperty("result").GetDouble());
        Assert.Equal(["one", "three", "two"], result.Contributors);
    }

    [Fact]
    public async Task A_typed_broadcast_reads_typed_results()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio("left"), TestServers.Stdio("right", "--tools", "echo")));

        var result = await runtime.FanOutAsync(
            FanOutTargets.Broadcast(SampleTools.MathCalc("any")), new MathCalcArguments("1 + 2"), AggregationStrategies.All<MathCalcResult>());

        Assert.Equal(["left"], result.Contributors);
        Assert.Equal(3, Assert.Single(result.Value).Result);
    }

    [Fact]
    public async Task A_tool_that_no_server_offers_is_an_exception()
    {
        await using var runtime = TestServers.Runtime(AggregationServers.Options(TestServers.Stdio("plain")));

        var error = await Assert.ThrowsAsync<FanOutException>(() => runtime.BroadcastAsync("no_such_tool", default, AggregationStrategies.All<RawToolResult>()));

        Assert.Equal(FanOutFailureKind.NoTargets, error.Kind);
    }

    [Fact]
    public async Task Broadcast_arguments_must_be_a_json_object()
    {
        await using var runtime = new FleetRuntime(new FleetOptions());

        await Assert.ThrowsAsync<ArgumentException>(
            () => runtime.BroadcastAsync("echo", JsonSerializer.SerializeToElement("hello"), AggregationStrategies.All<RawToolResult>()));
    }
}
