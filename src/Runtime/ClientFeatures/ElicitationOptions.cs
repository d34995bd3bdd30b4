using McpFleet.Configuration;

namespace McpFleet.ClientFeatures;

/// <summary>
/// Who answers servers' questions for the user. A server is told the fleet supports elicitation only when it has a
/// handler: its own, or the fleet's.
/// </summary>
public sealed class ElicitationOptions
{
    /// <summary>The handler of every server without one of its own; <see langword="null"/> (the default): none.</summary>
    public ElicitationHandler? Handler { get; set; }

    /// <summary>
    /// Handlers of single servers, by the fleet's name for the server (a replica's own name, or the name of the server
    /// it is a replica of); a <see langword="null"/> value turns elicitation off for that server.
    /// </summary>
    public IDictionary<string, ElicitationHandler?> Servers { get; } = new Dictionary<string, ElicitationHandler?>(StringComparer.Ordinal);

    /// <summary>The handler of <paramref name="server"/>, if it has one.</summary>
    internal ElicitationHandler? HandlerFor(ServerDefinition server) =>
        Servers.TryGetValue(server.Name, out var own) || Servers.TryGetValue(server.Service, out own) ? own : Handler;
}
