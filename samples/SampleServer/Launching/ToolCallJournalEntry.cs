using System.Text.Json.Serialization;

namespace McpFleet.SampleServer.Launching;

/// <summary>
/// One line of a sample server's <c>--journal</c>: a tool call the server executed, or, with <see cref="Cancelled"/>, a call
/// cancelled while it waited out <c>--latency-ms</c>, so before the tool ran. A cancelled call is not an execution.
/// </summary>
public sealed record ToolCallJournalEntry(
    string Server,
    string Tool,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Cancelled = false);
