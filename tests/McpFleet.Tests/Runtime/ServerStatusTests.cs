using System.Collections.Immutable;
using McpFleet.Configuration;
using McpFleet.Health;

namespace McpFleet.Tests.Runtime;

public sealed class ServerStatusTests
{
    [Fact]
    public void Prints_every_member_and_the_tags_themselves()
    {
        var status = new ServerStatus(
            "alpha", "alpha", TransportKind.Stdio, ServerHealth.Healthy, DateTimeOffset.UnixEpoch, 0, true, false, 0, false, 2,
            TimeSpan.FromMilliseconds(12), null, 3, 1, ImmutableSortedSet.Create(StringComparer.Ordinal, "fast", "eu"));

        var text = status.ToString();

        Assert.Contains("Tags = [eu, fast]", text, StringComparison.Ordinal);
        Assert.StartsWith("ServerStatus { Name = alpha, ", text, StringComparison.Ordinal);
        // A member added later must be printed too: the hand-written printer replaces the synthesized one.
        Assert.All(typeof(ServerStatus).GetProperties().Where(p => p.Name != "EqualityContract"), property => Assert.Contains($"{property.Name} = ", text, StringComparison.Ordinal));
    }
}
