using System.Text.Json;
using BenchmarkDotNet.Attributes;
using McpFleet.Aggregation;
using McpFleet.Configuration;
using McpFleet.Tools;

namespace McpFleet.Benchmarks;

/// <summary>
/// A fan-out to 8 servers that each take 200 ms against one call to one of them: the Ratio column is the cost of
/// calling eight servers instead of one, about 1 when the calls run in parallel (8 when one after another).
/// </summary>
public class FanOutBenchmarks
{
    private const int ServerCount = 8;
    private static readonly ToolDescriptor s_echo = new("bench-1", "echo", new ToolHints(ReadOnly: true));
    private InMemoryServer[] _servers = [];
    private FleetRuntime _runtime = null!;
    private FanOutTargets _everyServer = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _servers = [.. Enumerable.Range(0, ServerCount).Select(_ => new InMemoryServer(TimeSpan.FromMilliseconds(200)))];
        var options = new FleetOptions();
        var names = new List<string>();
        for (var i = 0; i < ServerCount; i++)
        {
            var name = $"bench-{i + 1}";
            options.Servers.Add(ServerDefinition.Custom(name, _servers[i].CreateTransport));
            names.Add(name);
        }

        _runtime = new FleetRuntime(options);
        _everyServer = FanOutTargets.Servers(s_echo, names);
        await _runtime.ConnectAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _runtime.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<string> SingleCallAsync() =>
        (await _runtime.CallToolAsync<EchoArguments, TextToolResult>(s_echo, new EchoArguments("hello"))).Text;

    [Benchmark]
    public async Task<int> FanOutToEightAsync() =>
        (await _runtime.FanOutAsync(_everyServer, new EchoArguments("hello"), AggregationStrategies.All<TextToolResult>())).Value.Count;

    /// <summary>What the generator emits for echo's arguments.</summary>
    private sealed record EchoArguments(string Message) : IToolArguments
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("message", Message);
            writer.WriteEndObject();
        }
    }
}
