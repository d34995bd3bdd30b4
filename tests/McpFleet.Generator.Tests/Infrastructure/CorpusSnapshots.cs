using McpFleet.Testing;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>The real servers' snapshots under <c>Corpus/</c> (see its README).</summary>
internal static class CorpusSnapshots
{
    public static string Folder { get; } = Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Corpus");

    /// <summary>Every corpus snapshot as a generator input, in ordinal order of the file names.</summary>
    public static IReadOnlyList<SnapshotInput> All() =>
        Directory.GetFiles(Folder, "*.snapshot.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new SnapshotInput($"/corpus/{Path.GetFileName(path)}", File.ReadAllText(path)))
            .ToList();
}
