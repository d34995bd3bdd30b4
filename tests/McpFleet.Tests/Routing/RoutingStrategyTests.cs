using System.Text.Json;
using McpFleet.Routing;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Routing;

/// <summary>How each built-in strategy spreads calls over replicas (no servers needed: strategies see only state).</summary>
public sealed class RoutingStrategyTests
{
    private static readonly Dictionary<string, JsonElement> s_noArguments = [];

    private static ServerState[] Servers(int count) => [.. Enumerable.Range(1, count).Select(i => new ServerState($"server-{i}"))];

    private static Dictionary<string, int> Distribute(RoutingStrategy strategy, ServerState[] servers, int calls, Dictionary<string, JsonElement>? arguments = null)
    {
        var counts = servers.ToDictionary(s => s.Name, _ => 0);
        for (var i = 0; i < calls; i++)
        {
            counts[servers[strategy.Choose(new RoutingContext("tool", servers, arguments ?? s_noArguments))].Name]++;
        }

        return counts;
    }

    [Fact]
    public void Round_robin_gives_each_replica_its_turn()
    {
        var counts = Distribute(RoutingStrategies.RoundRobin(), Servers(3), 300);

        Assert.All(counts.Values, count => Assert.InRange(count, 99, 101));
    }

    [Fact]
    public void Random_spreads_evenly()
    {
        var counts = Distribute(RoutingStrategies.Random(new Random(7)), Servers(3), 3000);

        Assert.All(counts.Values, count => Assert.InRange(count, 900, 1100));
    }

    [Fact]
    public void Weighted_follows_the_configured_weights()
    {
        ServerState[] servers = [new("heavy", weight: 3), new("light", weight: 1)];

        var counts = Distribute(RoutingStrategies.Weighted(new Random(7)), servers, 4000);

        Assert.InRange(counts["heavy"] / (double)counts["light"], 2.7, 3.3);
    }

    [Fact]
    public void Least_outstanding_picks_the_least_busy_and_shares_among_the_idle()
    {
        var servers = Servers(3);
        using var busy1 = servers[0].BeginRequest();
        using var busy2 = servers[0].BeginRequest();
        using var busy3 = servers[1].BeginRequest();

        var whenLoaded = Distribute(RoutingStrategies.LeastOutstanding(), servers, 10);
        busy1.Dispose();
        busy2.Dispose();
        busy3.Dispose();
        var whenIdle = Distribute(RoutingStrategies.LeastOutstanding(), servers, 300);

        Assert.Equal(10, whenLoaded["server-3"]);
        Assert.All(whenIdle.Values, count => Assert.InRange(count, 99, 101));
    }

    [Fact]
    public void Latency_aware_sends_most_calls_to_the_fast_replica_and_measures_every_replica_first()
    {
        ServerState[] servers = [new("fast"), new("slow-1"), new("slow-2")];
        servers[0].RecordLatency(TimeSpan.FromMilliseconds(10));
        servers[1].RecordLatency(TimeSpan.FromMilliseconds(200));
        servers[2].RecordLatency(TimeSpan.FromMilliseconds(150));
        ServerState unmeasured = new("new");

        var counts = Distribute(RoutingStrategies.LatencyAware(new Random(7)), servers, 3000);
        var explored = Distribute(RoutingStrategies.LatencyAware(new Random(7)), [servers[0], unmeasured], 10);

        // Two random replicas, the faster wins: the fast one is in two pairs of three.
        Assert.InRange(counts["fast"], 1800, 2200);
        Assert.True(counts["fast"] > counts["slow-1"] + counts["slow-2"]);
        Assert.Equal(10, explored["new"]);
    }

    [Fact]
    public void Latency_aware_tries_again_a_replica_whose_latency_was_not_measured_for_a_while()
    {
        var time = new FakeTimeProvider();
        ServerState[] servers = [new("fast", timeProvider: time), new("slow", timeProvider: time)];
        // One slow cold-start call on the fast replica; the slow one is measured on every call.
        servers[0].RecordLatency(TimeSpan.FromMilliseconds(300));
        servers[1].RecordLatency(TimeSpan.FromMilliseconds(150));
        var strategy = RoutingStrategies.LatencyAware(new Random(7));

        var before = Distribute(strategy, servers, 10);
        time.Advance(TimeSpan.FromSeconds(1));
        servers[1].RecordLatency(TimeSpan.FromMilliseconds(150));
        var after = Distribute(strategy, servers, 10);

        Assert.Equal(10, before["slow"]);
        Assert.Equal(10, after["fast"]);
        Assert.InRange(servers[0].LatencyEstimate.TotalMilliseconds, 110, 111);
        Assert.Equal(TimeSpan.FromMilliseconds(300), servers[0].LatencyEwma);
    }

    [Fact]
    public void Priority_uses_the_highest_priority_in_turn_and_falls_back_to_lower_ones()
    {
        ServerState[] servers = [new("primary-a", priority: 10), new("primary-b", priority: 10), new("backup", priority: 1)];

        var counts = Distribute(RoutingStrategies.Priority(), servers, 100);
        var fallback = Distribute(RoutingStrategies.Priority(), [servers[2]], 5);

        Assert.Equal(0, counts["backup"]);
        Assert.Equal(50, counts["primary-a"]);
        Assert.Equal(50, counts["primary-b"]);
        Assert.Equal(5, fallback["backup"]);
    }

    [Fact]
    public void Consistent_hash_is_sticky_per_value_and_moves_only_the_keys_of_a_removed_replica()
    {
        var strategy = RoutingStrategies.ConsistentHash("session");
        var four = Servers(4);
        var three = four[..3];
        var keys = Enumerable.Range(0, 1000).Select(i => new Dictionary<string, JsonElement> { ["session"] = JsonSerializer.SerializeToElement($"user-{i}") }).ToList();

        string Route(ServerState[] servers, Dictionary<string, JsonElement> arguments) => servers[strategy.Choose(new RoutingContext("tool", servers, arguments))].Name;
        var before = keys.Select(k => Route(four, k)).ToList();
        var again = keys.Select(k => Route(four, k)).ToList();
        var after = keys.Select(k => Route(three, k)).ToList();

        Assert.Equal(before, again);
        Assert.All(before.GroupBy(name => name), group => Assert.InRange(group.Count(), 180, 320));
        for (var i = 0; i < keys.Count; i++)
        {
            if (before[i] != "server-4")
            {
                Assert.Equal(before[i], after[i]);
            }
        }
    }

    [Fact]
    public void Consistent_hash_without_the_argument_goes_round_in_turn()
    {
        var counts = Distribute(RoutingStrategies.ConsistentHash("session"), Servers(3), 300);

        Assert.All(counts.Values, count => Assert.Equal(100, count));
    }

    [Theory]
    [InlineData("round-robin")]
    [InlineData("random")]
    [InlineData("weighted")]
    [InlineData("least-outstanding")]
    [InlineData("latency-aware")]
    [InlineData("priority")]
    [InlineData("consistent-hash:session")]
    public void Choosing_allocates_nothing(string name)
    {
        var strategy = RoutingStrategies.FromName(name);
        var servers = Servers(64);
        var arguments = new Dictionary<string, JsonElement> { ["session"] = JsonSerializer.SerializeToElement("user-1") };
        strategy.Choose(new RoutingContext("tool", servers, arguments));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            strategy.Choose(new RoutingContext("tool", servers, arguments));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(name, strategy.Name + (name.StartsWith("consistent-hash", StringComparison.Ordinal) ? ":session" : ""));
    }

    [Fact]
    public void An_unknown_strategy_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => RoutingStrategies.FromName("fastest-guess"));

        Assert.StartsWith("Unknown routing strategy 'fastest-guess'; expected round-robin, random, weighted, least-outstanding, latency-aware, priority or consistent-hash:<argument>.", error.Message, StringComparison.Ordinal);
    }
}
