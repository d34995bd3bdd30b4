namespace McpFleet.Tests.Drift;

/// <summary>A path in a folder of its own, deleted with the folder, e.g. for a sample server's call journal.</summary>
internal sealed class TemporaryFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-drift-").FullName;

    public TemporaryFile() => Path = System.IO.Path.Join(_directory, "journal.jsonl");

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
