using McpFleet.Registry;

namespace McpFleet.Calls;

/// <summary>A server instance that can take a call, the tool it would run, and the arguments it accepts (all when null).</summary>
internal sealed record CallCandidate(ServerEntry Entry, ToolDescriptor Tool, IReadOnlyList<string>? AcceptedArguments)
{
    /// <summary>Whether the tool leaves its environment unchanged, by the stricter of its snapshot's hints and the hints
    /// the server lists now (a live escalation counts whatever the drift policy does about it).</summary>
    public bool IsReadOnly => Tool.Hints.IsReadOnly && (Entry.Drift.LiveHints(Tool.ToolName)?.IsReadOnly ?? true);

    /// <summary>Whether repeating a call is harmless, by the stricter of the snapshot's and the live hints.</summary>
    public bool IsIdempotent => Tool.Hints.IsIdempotent && (Entry.Drift.LiveHints(Tool.ToolName)?.IsIdempotent ?? true);
}
