using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using McpFleet.Discovery;

namespace McpFleet.Tests.Discovery;

public sealed class StaticDiscoveryTests
{
    [Fact]
    public async Task Yields_the_servers_sorted_by_name_once_and_ends_quietly_when_cancelled()
    {
        var options = new StaticDiscoveryOptions
        {
            Servers = { ServerDefinition.Remote("zeta", new Uri("http://127.0.0.1:9001/mcp")), ServerDefinition.Stdio("alpha", "node", "server.js") },
        };
        var discovery = new StaticDiscovery(options);
        options.Servers.Clear();

        await using var sets = new WatchedSets(discovery);

        Assert.Equal(["alpha", "zeta"], (await sets.NextAsync()).Select(s => s.Name));
        Assert.False(sets.TryTake(out _));
        Assert.Equal("static (2 servers)", discovery.Name);
    }

    [Fact]
    public void Rejects_a_server_listed_twice()
    {
        var options = new StaticDiscoveryOptions { Servers = { ServerDefinition.Stdio("a", "x"), ServerDefinition.Stdio("a", "y") } };

        var error = Assert.Throws<ValidationException>(() => new StaticDiscovery(options));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null()
    {
        var options = new StaticDiscoveryOptions { Servers = { null! } };

        Assert.Throws<ValidationException>(() => new StaticDiscovery(options));
    }
}
