using System.Text;
using System.Text.Json;

namespace McpFleet.SampleServer.Launching;

/// <summary>Reads a sample server's <c>--journal</c>, also while servers are still appending to it.</summary>
public static class ToolCallJournalFile
{
    /// <summary>The complete lines written so far; none if the file does not exist yet.</summary>
    public static IReadOnlyList<ToolCallJournalEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        string text;
        using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        // A line still being written has no newline yet; it is read next time.
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return [.. complete.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<ToolCallJournalEntry>(line, JsonSerializerOptions.Web)!)];
    }

    /// <summary>The tool calls the journal's servers executed.</summary>
    public static IReadOnlyList<ToolCallJournalEntry> Executions(string path) => [.. Read(path).Where(entry => !entry.Cancelled)];

    /// <summary>The tool calls cancelled before they ran.</summary>
    public static IReadOnlyList<ToolCallJournalEntry> Cancellations(string path) => [.. Read(path).Where(entry => entry.Cancelled)];
}
