namespace McpFleet.Configuration;

/// <summary>What to say of a server name the fleet cannot call: the configuration's reason when it is unavailable,
/// otherwise the servers there are and the closest name.</summary>
internal static class UnknownServer
{
    /// <param name="serverName">The name asked for.</param>
    /// <param name="unavailableReason">Why the configuration's server of that name cannot be used, if it has one.</param>
    /// <param name="configured">The fleet's servers, in the order to list them.</param>
    public static string Message(string serverName, string? unavailableReason, IReadOnlyCollection<string> configured) =>
        unavailableReason is not null
            ? $"Server '{serverName}' is unavailable: {unavailableReason}"
            : $"Server '{serverName}' is not configured in this fleet; configured: {string.Join(", ", configured)}.{NameSuggestion.Hint(serverName, configured)}";
}
