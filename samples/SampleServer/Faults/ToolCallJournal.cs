using System.Text.Json;
using McpFleet.SampleServer.Launching;

namespace McpFleet.SampleServer.Faults;

/// <summary>
/// Appends one JSON line per executed tool call (<c>--journal</c>), so tests can count executions across a crash, and one per
/// call cancelled before it ran, so tests can see that a cancellation reached the server. <see cref="ToolCallJournalFile"/> reads it.
/// </summary>
internal sealed class ToolCallJournal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly StreamWriter _writer;

    public ToolCallJournal(string path)
    {
        // Shared so tests can read it while it is open. One file per server: a FileStream appends at the position it opened
        // at, so two processes appending to one file overwrite each other's lines.
        FileStream stream = new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _writer = new StreamWriter(stream) { NewLine = "\n" };
    }

    public void RecordExecuted(string server, string tool) => Write(new ToolCallJournalEntry(server, tool));

    public void RecordCancelled(string server, string tool) => Write(new ToolCallJournalEntry(server, tool, Cancelled: true));

    public void Dispose() => _writer.Dispose();

    /// <summary>Writes and flushes the line before returning, so it survives the process exiting right after.</summary>
    private void Write(ToolCallJournalEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, JsonSerializerOptions.Web);
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
