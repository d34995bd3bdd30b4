using System.Text.Json;
using BenchmarkDotNet.Attributes;
using McpFleet.Routing;

namespace McpFleet.Benchmarks;

/// <summary>One routing decision per strategy, over 3 and 64 replicas: time and allocations.</summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private ServerState[] _replicas = [];
    private RoutingStrategy _strategy = RoutingStrategies.RoundRobin();
    private Dictionary<string, JsonElement> _arguments = [];

    [Params(3, 64)]
    public int Replicas { get; set; }

    [Params("round-robin", "random", "weighted", "least-outstanding", "latency-aware", "priority", "consistent-hash:session")]
    public string Strategy { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _replicas = [.. Enumerable.Range(0, Replicas).Select(i => new ServerState($"replica-{i}", weight: 1 + (i % 3), priority: i % 2))];
        _strategy = RoutingStrategies.FromName(Strategy);
        _arguments = new() { ["session"] = JsonSerializer.SerializeToElement("user-42") };
    }

    [Benchmark]
    public int Choose() => _strategy.Choose(new RoutingContext("search", _replicas, _arguments));
}
