using McpFleet.Configuration;
using McpFleet.Tests.Runtime;

namespace McpFleet.Tests.Aggregation;

/// <summary>
/// Options for the fan-out tests, which start many servers at once. The tests run one class at a time (their
/// collection), and pin protocol revision 2025-11-25: on a loaded machine a server can answer the 2026-07-28 discovery
/// probe after the client has given up on it, and then refuses the client's fallback <c>initialize</c>. Fan-out does
/// not depend on the revision.
/// </summary>
internal static class AggregationServers
{
    /// <summary>The collection of the test classes that start servers: one class runs at a time.</summary>
    public const string Collection = "Aggregation servers";

    public static FleetOptions Options(params ServerDefinition[] servers)
    {
        var options = TestServers.FastOptions(servers);
        options.Connection.ProtocolVersion = "2025-11-25";
        return options;
    }
}
