using System.Text.Json;

namespace McpFleet.Routing;

/// <summary>What a <see cref="RoutingStrategy"/> chooses from: the routable replicas of a unified tool, and the call.</summary>
public readonly ref struct RoutingContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="candidates">The replicas that may take the call: configured, connected or connectable, and healthy.
    /// Never empty.</param>
    /// <param name="arguments">The call's arguments, for strategies that route by an argument.</param>
    public RoutingContext(string toolName, ReadOnlySpan<ServerState> candidates, IReadOnlyDictionary<string, JsonElement> arguments)
    {
        ToolName = toolName;
        Candidates = candidates;
        Arguments = arguments;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; }

    /// <summary>The replicas that may take the call, in the group's order of preference. Never empty.</summary>
    public ReadOnlySpan<ServerState> Candidates { get; }

    /// <summary>The call's arguments.</summary>
    public IReadOnlyDictionary<string, JsonElement> Arguments { get; }
}
