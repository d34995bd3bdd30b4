namespace McpFleet.Cli.Repl;

/// <summary>The calls of one tool on one server.</summary>
internal sealed record ToolCallStatistics(string Server, string Tool, long Calls, long Errors, TimeSpan Mean, TimeSpan P50, TimeSpan P95);
