using System.Text.Json;
using McpFleet.Snapshots;

namespace McpFleet.Tests.Snapshots;

public sealed class SnapshotFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServerSnapshot Snapshot(string description) => new()
    {
        Name = "alpha",
        Tools = [JsonSerializer.SerializeToElement(new { name = "echo", description, inputSchema = new { } })],
    };

    [Fact]
    public async Task Creates_then_leaves_an_identical_file_untouched_then_updates_a_changed_one()
    {
        var (path, first) = await SnapshotFiles.WriteAsync(_directory, Snapshot("one"));
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));

        var (_, second) = await SnapshotFiles.WriteAsync(_directory, Snapshot("one"));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));

        var (_, third) = await SnapshotFiles.WriteAsync(_directory, Snapshot("two"));

        Assert.Equal(Path.Combine(_directory, "alpha.snapshot.json"), path);
        Assert.Equal([SnapshotWriteResult.Created, SnapshotWriteResult.Unchanged, SnapshotWriteResult.Updated], [first, second, third]);
        Assert.Equal("two", (await SnapshotFiles.ReadAsync(path)).Tools[0].GetProperty("description").GetString());
        Assert.Equal(["alpha.snapshot.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Names_the_file_when_reading_fails_and_takes_the_name_from_the_file()
    {
        var bare = Path.Combine(_directory, "legacy.snapshot.json");
        await File.WriteAllTextAsync(bare, """{"tools":[]}""");
        var broken = Path.Combine(_directory, "broken.snapshot.json");
        await File.WriteAllTextAsync(broken, "{");

        Assert.Equal("legacy", (await SnapshotFiles.ReadAsync(bare)).Name);
        var error = await Assert.ThrowsAsync<SnapshotFormatException>(() => SnapshotFiles.ReadAsync(broken));
        Assert.StartsWith($"{broken}: Invalid JSON", error.Message, StringComparison.Ordinal);
    }
}
