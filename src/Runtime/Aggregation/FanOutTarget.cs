using McpFleet.Registry;

namespace McpFleet.Aggregation;

/// <summary>One server a fan-out calls, the tool it runs there, and the arguments it accepts.</summary>
/// <param name="Server">The fleet's name for the server.</param>
/// <param name="Entry">The server, or <see langword="null"/> when a server named explicitly is not in the fleet.</param>
/// <param name="Tool">The tool, naming this server.</param>
/// <param name="AcceptedArguments">For a member of a merged group, the arguments it accepts; otherwise <see langword="null"/>.</param>
internal sealed record FanOutTarget(string Server, ServerEntry? Entry, ToolDescriptor Tool, IReadOnlyList<string>? AcceptedArguments = null)
{
    public static FanOutTarget For(ServerEntry entry, ToolDescriptor tool, IReadOnlyList<string>? acceptedArguments = null) =>
        new(entry.Name, entry, tool with { ServerName = entry.Name }, acceptedArguments);
}
