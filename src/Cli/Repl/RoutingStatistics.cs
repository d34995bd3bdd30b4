namespace McpFleet.Cli.Repl;

/// <summary>How often a strategy sent calls of a tool to a server.</summary>
internal sealed record RoutingStatistics(string Tool, string Strategy, string Server, long Decisions);
