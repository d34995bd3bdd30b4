using McpFleet.Configuration;

namespace McpFleet.Cli;

/// <summary>The servers a command connects to, and every server of their configuration, whose secrets no output may hold.</summary>
internal sealed record LiveServers(IReadOnlyList<ServerDefinition> Selected, IReadOnlyList<ServerDefinition> Configured);
