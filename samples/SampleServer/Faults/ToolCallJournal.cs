using System.Text.Json;

namespace McpFleet.SampleServer.Faults;

/// <summary>Appends one JSON line per executed tool call (<c>--journal</c>), so tests can count executions across a crash.</summary>
internal sealed class ToolCallJournal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly StreamWriter _writer;

    public ToolCallJournal(string path)
    {
        // Shared so several servers can append to one journal and tests can read it while it is open.
        FileStream stream = new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _writer = new StreamWriter(stream) { NewLine = "\n" };
    }

    /// <summary>Writes and flushes the line before returning, so it survives the process exiting right after.</summary>
    public void Record(string server, string tool)
    {
        var line = JsonSerializer.Serialize(new Entry(server, tool), JsonSerializerOptions.Web);
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();

    private sealed record Entry(string Server, string Tool);
}
